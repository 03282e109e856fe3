import type { Stream } from 'node:stream';
import { readWithProgress } from './byte-tap.js';
import { formatNumber, wallClockText } from './number-text.js';
import {
  PLAIN,
  type NumberFormat,
  type ReaderOptions,
  type RecordHints,
  type SourceReader,
  type SourceRecord,
} from './source-reader.js';

interface SheetRow {
  readonly number: number;
  readonly values: unknown;
}

/** A cell value as exceljs gives it → text: dates as wall-clock text, numbers as typed, formulas by result. */
export function cellText(value: unknown, format: NumberFormat, date1904: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, format, date1904);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
    if ('result' in v) return cellText(v.result, format, date1904);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return cellText(v.text, format, date1904);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/** The first worksheet of an .xlsx workbook, streamed row by row (header = row 1). */
export async function openXlsx(path: string, options: ReaderOptions): Promise<SourceReader> {
  // Loaded on first use rather than by every CLI command that imports the readers (≈0.25 s at start-up).
  const { default: ExcelJS } = await import('exceljs');
  const input = readWithProgress(path, options.onBytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as Stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = workbook[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  const rows: AsyncIterator<SheetRow> | undefined = sheet.done
    ? undefined
    : (sheet.value[Symbol.asyncIterator]() as AsyncIterator<SheetRow>);
  const date1904 = Boolean(
    (workbook as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904,
  );
  const first = rows ? await rows.next() : { done: true as const, value: undefined };
  const headerCells = first.done ? [] : (first.value.values as unknown[]);
  const headers: string[] = [];
  const positions: number[] = [];
  headerCells.forEach((cell, i) => {
    const text = cellText(cell, PLAIN, date1904)?.trim();
    if (text) {
      headers.push(text);
      positions.push(i);
    }
  });

  async function* records(hints?: RecordHints): AsyncIterable<SourceRecord> {
    if (!rows) return;
    const formats = headers.map((h) => hints?.numberFormat?.(h) ?? PLAIN);
    for (;;) {
      const next = await rows.next();
      if (next.done) return;
      const values = next.value.values as unknown[];
      const record: Record<string, string | null> = {};
      let empty = true;
      for (let i = 0; i < headers.length; i++) {
        const text = cellText(values[positions[i]!], formats[i]!, date1904);
        if (text !== null && text !== '') empty = false;
        record[headers[i]!] = text;
      }
      if (!empty) yield { rowNumber: next.value.number, record };
    }
  }
  return {
    format: 'xlsx',
    headers,
    records,
    async close() {
      (input as unknown as { destroy(): void }).destroy();
    },
  };
}
