import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { readWithProgress } from './byte-tap.js';
import { detectEncoding } from './encoding.js';
import { formatNumber } from './number-text.js';
import {
  PLAIN,
  type NumberFormat,
  type ReaderOptions,
  type RecordHints,
  type SourceReader,
  type SourceRecord,
} from './source-reader.js';

/** JSON numbers are never serial dates; only the money snapping applies. */
const decimalOnly = (f: NumberFormat | undefined): NumberFormat => (f?.kind === 'decimal' ? f : PLAIN);

function valueText(v: unknown, format: NumberFormat): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v, format);
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

type Line = { kind: 'record'; record: Record<string, string | null> } | { kind: 'bad'; reason: string };

function parseLine(line: string, hints?: RecordHints): Line {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: 'bad', reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'bad', reason: 'not a JSON object' };
  const record: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(value)) record[k] = valueText(v, decimalOnly(hints?.numberFormat?.(k)));
  return { kind: 'record', record };
}

/**
 * JSON lines: one object per line. Headers are the keys of the first object; later objects may carry other keys,
 * which are mapped the same way. Numbers are read as the decimal a person typed (see numberText).
 */
export async function openJsonl(path: string, options: ReaderOptions): Promise<SourceReader> {
  const encoding = await detectEncoding(path, options.encoding);
  const input = readWithProgress(path, options.onBytes).pipe(iconv.decodeStream(encoding));
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  // Lines up to the first object are read to learn the headers, then parsed again with the hints.
  const pending: Array<{ lineNumber: number; text: string }> = [];
  let headers: string[] = [];
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    lineNumber++;
    const text = (next.value as string).replace(/^\uFEFF/, '');
    pending.push({ lineNumber, text });
    const line = text.trim() === '' ? undefined : parseLine(text);
    if (line?.kind === 'record') {
      headers = Object.keys(line.record);
      break;
    }
  }
  const toRecord = (rowNumber: number, text: string, hints?: RecordHints): SourceRecord | undefined => {
    if (text.trim() === '') return undefined;
    const line = parseLine(text, hints);
    return line.kind === 'record'
      ? { rowNumber, record: line.record }
      : { rowNumber, record: { line: text }, problem: line.reason };
  };
  async function* records(hints?: RecordHints): AsyncIterable<SourceRecord> {
    for (const p of pending) {
      const r = toRecord(p.lineNumber, p.text, hints);
      if (r) yield r;
    }
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      lineNumber++;
      const r = toRecord(lineNumber, next.value as string, hints);
      if (r) yield r;
    }
  }
  return {
    format: `jsonl (${encoding})`,
    headers,
    records,
    async close() {
      (input as unknown as { destroy(): void }).destroy();
    },
  };
}
