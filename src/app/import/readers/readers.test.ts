import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodingOfSample } from './encoding.js';
import { decimalText, excelSerialText, numberText } from './number-text.js';
import { openReader } from './open-reader.js';
import type { SourceRecord } from './source-reader.js';

async function readAll(path: string, encoding: 'auto' | 'utf8' | 'gbk' = 'auto') {
  const reader = await openReader(path, { encoding });
  const records: SourceRecord[] = [];
  for await (const r of reader.records()) records.push(r);
  await reader.close();
  return { format: reader.format, headers: reader.headers, records };
}

describe('readers', () => {
  it('detects BOM, UTF-8 and GBK', () => {
    expect(encodingOfSample(Buffer.from('\uFEFF客户编号', 'utf8'))).toBe('utf8');
    expect(encodingOfSample(Buffer.from('客户编号,金额', 'utf8'))).toBe('utf8');
    expect(encodingOfSample(iconv.encode('客户编号,金额', 'gbk'))).toBe('gb18030');
    // A multi-byte character cut at the end of the sample is still UTF-8.
    expect(encodingOfSample(Buffer.from('客户', 'utf8').subarray(0, 4))).toBe('utf8');
  });

  it('writes floating-point numbers as typed and Excel serial dates as wall-clock text', () => {
    expect(numberText(12.300000000000001)).toBe('12.3');
    expect(decimalText(12.300000000001, 2)).toBe('12.30');
    expect(decimalText(1234567890.1, 2)).toBe('1234567890.10');
    expect(decimalText(12.345, 2)).toBe('12.345');
    expect(decimalText(10000000000.005, 2)).toBe('10000000000.005');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234567)).toBe('1234567');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(excelSerialText(45292)).toBe('2024-01-01');
    expect(excelSerialText(45292.4375)).toBe('2024-01-01 10:30:00');
    expect(excelSerialText(45292.43749999)).toBe('2024-01-01 10:30:00');
  });

  it('reads GBK CSV with row numbers as a spreadsheet shows them, skipping empty lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-readers-'));
    const path = join(dir, 'a.csv');
    await writeFile(path, iconv.encode('客户编号,客户名称\r\nC1,"川味,小馆"\r\n\r\nC2,粤\r\n', 'gbk'));
    const { format, headers, records } = await readAll(path);
    expect(format).toBe('csv (gb18030)');
    expect(headers).toEqual(['客户编号', '客户名称']);
    expect(records).toEqual([
      { rowNumber: 2, record: { 客户编号: 'C1', 客户名称: '川味,小馆' } },
      { rowNumber: 4, record: { 客户编号: 'C2', 客户名称: '粤' } },
    ]);
    // Forcing the wrong encoding garbles the text rather than failing.
    expect((await readAll(path, 'utf8')).headers).not.toEqual(['客户编号', '客户名称']);
  });

  it('reads a tab-separated file and JSON lines with their line numbers and broken lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-readers-'));
    await writeFile(join(dir, 'a.tsv'), 'a\tb\n1\t2\n');
    expect((await readAll(join(dir, 'a.tsv'))).records).toEqual([
      { rowNumber: 2, record: { a: '1', b: '2' } },
    ]);
    await writeFile(join(dir, 'b.jsonl'), '{"a": 1.1, "b": null}\n\n{oops\n{"a": "x", "c": true}\n');
    const { headers, records } = await readAll(join(dir, 'b.jsonl'));
    expect(headers).toEqual(['a', 'b']);
    expect(records).toEqual([
      { rowNumber: 1, record: { a: '1.1', b: null } },
      { rowNumber: 3, record: { line: '{oops' }, problem: expect.stringMatching(/not valid JSON/) },
      { rowNumber: 4, record: { a: 'x', c: 'true' } },
    ]);
  });

  it('rejects an unknown format and a missing file, naming the file', async () => {
    await expect(openReader('/nope/orders.xls', { encoding: 'auto' })).rejects.toMatchObject({
      code: 'FILE_FORMAT_UNKNOWN',
      details: { file: '/nope/orders.xls' },
    });
    await expect(openReader('/nope/orders.csv', { encoding: 'auto' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('/nope/orders.csv'),
    });
  });
});
