import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type pg from 'pg';

/** PostgreSQL column types as DuckDB reads them from CSV; anything else (arrays, JSON) stays text. */
function duckDbType(pgType: string): string {
  const decimal = /^numeric\((\d+),(\d+)\)$/.exec(pgType);
  if (decimal) return `DECIMAL(${decimal[1]},${decimal[2]})`;
  const known: Record<string, string> = {
    integer: 'INTEGER',
    bigint: 'BIGINT',
    smallint: 'SMALLINT',
    numeric: 'DOUBLE',
    'double precision': 'DOUBLE',
    real: 'FLOAT',
    date: 'DATE',
    'timestamp with time zone': 'TIMESTAMPTZ',
    'timestamp without time zone': 'TIMESTAMP',
    boolean: 'BOOLEAN',
  };
  return known[pgType] ?? 'VARCHAR';
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * PostgreSQL has no Parquet writer; DuckDB (already the embedded engine) converts the exported CSV, reading each
 * column with the type PostgreSQL declared for it, and the CSV is removed.
 */
export async function writeParquetFromCsv(
  client: pg.ClientBase,
  table: string,
  csvFile: string,
  parquetFile: string,
): Promise<void> {
  const { rows } = await client.query(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  const columns = (rows as { name: string; type: string }[])
    .map((c) => `${literal(c.name)}: ${literal(duckDbType(c.type))}`)
    .join(', ');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(
      `COPY (SELECT * FROM read_csv(${literal(csvFile)}, header = true, columns = {${columns}}))
         TO ${literal(parquetFile)} (FORMAT parquet)`,
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
    await rm(csvFile, { force: true });
  }
}
