import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import { CLEANING_TABLES } from '../../contracts/data-model/system/cleaning-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { createTableSql } from '../schema/create-table.js';

/** The tables one cleaning run replaces (the run log is kept). */
export const RESULT_TABLES = CLEANING_TABLES.filter((t) => t.name !== 'cleaning_runs');

/**
 * Empties the previous run's results; run inside the transaction that writes the new ones. DuckDB maintains a
 * primary-key index row by row on DELETE (seconds for 100 000 rows), so there the tables are dropped and
 * re-created from the same definitions as migration 2 (instant; views bind by name at query time).
 * PostgreSQL deletes quickly, and its views depend on the tables, so there the rows are deleted.
 */
export function clearResultsSql(d: Dialect): string[] {
  const q = d.quoteIdent;
  const reversed = [...RESULT_TABLES].reverse();
  switch (d.kind) {
    case 'duckdb':
      return [
        ...reversed.map((t) => `DROP TABLE IF EXISTS ${q(t.name)}`),
        ...RESULT_TABLES.map((t) => createTableSql(d, t)),
      ];
    case 'postgres':
      return reversed.map((t) => `DELETE FROM ${q(t.name)}`);
    default:
      return assertUnreachable(d.kind, 'engine kind');
  }
}
