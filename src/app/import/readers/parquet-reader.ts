import { stat } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { formatNumber } from './number-text.js';
import type {
  NumberFormat,
  ReaderOptions,
  RecordHints,
  SourceReader,
  SourceRecord,
} from './source-reader.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * How a Parquet column is selected as text. Timestamps with a zone become UTC with a `Z`; floating-point numbers
 * stay numbers and are written as typed (numberText); everything else is DuckDB's own text form.
 */
function selectExpr(name: string, type: string): { sql: string; float: boolean } {
  const col = quote(name);
  if (type === 'DOUBLE' || type === 'FLOAT') return { sql: col, float: true };
  if (type.startsWith('TIMESTAMP WITH TIME ZONE'))
    return { sql: `strftime(CAST(${col} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%f') || 'Z'`, float: false };
  return { sql: `CAST(${col} AS VARCHAR)`, float: false };
}

/**
 * A Parquet file, read by an in-memory DuckDB of its own (a reader, not the engine) and streamed chunk by chunk.
 * Record numbers count from 1.
 */
export async function openParquet(path: string, options: ReaderOptions): Promise<SourceReader> {
  const size = (await stat(path)).size;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const close = async () => {
    conn.closeSync();
    instance.closeSync();
  };
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    const source = `read_parquet(${literal(path)})`;
    const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
    const headers = described.map((r) => String(r.column_name));
    const exprs = described.map((r) => selectExpr(String(r.column_name), String(r.column_type)));
    const total = Number(
      (await conn.runAndReadAll(`SELECT count(*) FROM ${source}`)).getRowsJS()[0]?.[0] ?? 0,
    );
    async function* records(hints?: RecordHints): AsyncIterable<SourceRecord> {
      const formats = headers.map((h): NumberFormat => {
        const f = hints?.numberFormat?.(h);
        return f?.kind === 'decimal' ? f : { kind: 'plain' };
      });
      const result = await conn.stream(`SELECT ${exprs.map((e) => e.sql).join(', ')} FROM ${source}`);
      let rowNumber = 0;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const columns = chunk.getColumns() as DuckDBValue[][];
        for (let r = 0; r < chunk.rowCount; r++) {
          const record: Record<string, string | null> = {};
          for (let c = 0; c < headers.length; c++) {
            const v = columns[c]![r];
            record[headers[c]!] =
              v === null || v === undefined
                ? null
                : exprs[c]!.float
                  ? formatNumber(Number(v), formats[c]!)
                  : String(v);
          }
          yield { rowNumber: ++rowNumber, record };
        }
        options.onBytes?.(total ? Math.round((size * rowNumber) / total) : size);
      }
    }
    return { format: 'parquet', headers, records, close };
  } catch (error) {
    await close();
    throw error;
  }
}
