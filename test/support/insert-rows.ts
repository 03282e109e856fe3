import type { SqlSession } from '../../src/engines/engine.js';

export type Value = string | number | null;

const literal = (v: Value) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;

/** INSERT rows of literal values into a table, in its column order (for tests that seed rows by hand). */
export const insertRows = (db: SqlSession, table: string, rows: readonly (readonly Value[])[]) =>
  db.run(`INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n')}`);
