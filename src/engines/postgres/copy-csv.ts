import type { TextRow } from '../engine.js';

/**
 * One row as a line of PostgreSQL `COPY … (FORMAT csv)`: every value quoted (so an empty string stays an empty
 * string), NULL as an unquoted empty field.
 */
export function csvLine(row: TextRow, width: number): string {
  let line = '';
  for (let i = 0; i < width; i++) {
    if (i > 0) line += ',';
    const v = row[i];
    if (v !== null && v !== undefined) line += `"${v.replaceAll('"', '""')}"`;
  }
  return `${line}\n`;
}

/** Rows as CSV text in chunks of about 64 KiB, so that COPY gets few large writes instead of one per row. */
export async function* csvChunks(
  rows: AsyncIterable<TextRow> | Iterable<TextRow>,
  width: number,
  counter: { rows: number },
): AsyncGenerator<string> {
  let chunk = '';
  for await (const row of rows) {
    chunk += csvLine(row, width);
    counter.rows++;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
