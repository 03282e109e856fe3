import { describe, expect, it } from 'vitest';
import { SOURCE_NAMES } from '../../contracts/data-model/sources/index.js';
import { ByteSink } from './byte-sink.js';
import { csvHeader, T, TABLE_NAMES } from './row-buffer.js';

const text = (sink: ByteSink) => Buffer.concat(sink.drain()).toString('utf8');

describe('ByteSink', () => {
  it('writes money, padded integers and timestamps as canonical text', () => {
    const sink = new ByteSink();
    sink.money(123456).comma().money(5).comma().money(0).comma().int(42, 5).comma().int(0).comma();
    sink.money(987654321012).comma().int(9_876_543_210).comma();
    sink.timestamp(Buffer.from('2025-01-02'), 3 * 3600 + 4 * 60 + 5).end();
    expect(text(sink)).toBe('1234.56,0.05,0.00,00042,0,9876543210.12,9876543210,2025-01-02 03:04:05\n');
  });

  it('quotes free text with commas or quotes and encodes UTF-8', () => {
    const sink = new ByteSink();
    sink.text('老王烧烤').comma().text('Salt, Pepper').comma().text('"老地方"餐厅').end();
    expect(text(sink)).toBe('老王烧烤,"Salt, Pepper","""老地方""餐厅"\n');
  });

  it('spills into new chunks without losing bytes', () => {
    const sink = new ByteSink();
    for (let i = 0; i < 200_000; i++) sink.ascii('0123456789').end();
    const chunks = sink.drain();
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((s, c) => s + c.length, 0)).toBe(2_200_000);
  });
});

describe('tables', () => {
  it('are numbered in SOURCE_TABLES order, with canonical headers', () => {
    expect(TABLE_NAMES).toEqual(SOURCE_NAMES);
    expect(TABLE_NAMES[T.orderLines]).toBe('order_lines');
    expect(TABLE_NAMES[T.creditRatings]).toBe('credit_ratings');
    expect(csvHeader(T.orders)).toBe('order_id,customer_id,ordered_at,amount,gross_margin,status,channel\n');
  });
});
