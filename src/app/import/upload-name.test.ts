import { describe, expect, it } from 'vitest';
import { safeUploadName } from './upload-name.js';

describe('safeUploadName', () => {
  it('keeps an ordinary name, Chinese included', () => {
    expect(safeUploadName('orders.csv')).toBe('orders.csv');
    expect(safeUploadName('订单 2025.xlsx')).toBe('订单 2025.xlsx');
  });

  it('drops every directory, POSIX or Windows, and any traversal', () => {
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\data\\..\\客户.csv')).toBe('客户.csv');
    expect(safeUploadName('..')).toBe('upload');
  });

  it('drops control and reserved characters and leading dots', () => {
    expect(safeUploadName('.hidden.csv')).toBe('hidden.csv');
    expect(safeUploadName('a\u0000b\n<c>|d?.csv')).toBe('abcd.csv');
    expect(safeUploadName('')).toBe('upload');
    expect(safeUploadName(undefined)).toBe('upload');
  });

  it('shortens a long name but keeps its extension', () => {
    const name = safeUploadName(`${'x'.repeat(300)}.parquet`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.parquet')).toBe(true);
  });
});
