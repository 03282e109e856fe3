import { parse, type Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import { readWithProgress } from './byte-tap.js';
import { detectEncoding } from './encoding.js';
import type { ReaderOptions, SourceReader, SourceRecord } from './source-reader.js';

/** Comma unless the header line has more tabs or semicolons (some ERPs export those). */
function delimiterOf(headerLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, headerLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

async function firstLine(path: string, encoding: string): Promise<string> {
  const stream = readWithProgress(path).pipe(iconv.decodeStream(encoding));
  let text = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    text += chunk;
    if (text.includes('\n') || text.length > 65536) break;
  }
  (stream as unknown as { destroy(): void }).destroy();
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** A CSV file in UTF-8 (with or without BOM), GB18030/GBK or UTF-16, streamed through csv-parse. */
export async function openCsv(path: string, options: ReaderOptions): Promise<SourceReader> {
  const encoding = await detectEncoding(path, options.encoding);
  const delimiter = delimiterOf(await firstLine(path, encoding));
  const parser: Parser = readWithProgress(path, options.onBytes)
    .pipe(iconv.decodeStream(encoding))
    .pipe(
      parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
    );
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await rows.next();
  const headers = first.done ? [] : first.value.map((h) => h.trim());
  return {
    format: `csv (${encoding})`,
    headers,
    records: () => csvRecords(rows, headers),
    async close() {
      parser.destroy();
    },
  };
}

async function* csvRecords(
  rows: AsyncIterator<string[]>,
  headers: readonly string[],
): AsyncIterable<SourceRecord> {
  const width = headers.length;
  let rowNumber = 1;
  for (;;) {
    const next = await rows.next();
    if (next.done) return;
    rowNumber++;
    const fields = next.value;
    if (fields.length <= 1 && (fields[0] ?? '') === '') continue; // an empty line, numbered like a spreadsheet row
    const record: Record<string, string | null> = {};
    for (let i = 0; i < width; i++) record[headers[i]!] = fields[i] ?? null;
    yield { rowNumber, record };
  }
}
