import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';
import { withTextRows, type SqlQuery } from '../query.js';

/** Name of the session-local text table rows of `table` are bulk-loaded into before the typed insert. */
export const stagingName = (table: TableDef): string => `stage_${table.name}`;

/** A temporary all-text copy of `table`'s columns, for the engine's bulk path. */
export function createStagingSql(d: Dialect, table: TableDef): string {
  const cols = table.columns.map((c) => `${d.quoteIdent(c.name)} VARCHAR`).join(', ');
  return `${d.tempTable} ${d.quoteIdent(stagingName(table))} (${cols})`;
}

/** Moves the staged text rows into `table`, casting each column exactly. */
export function insertFromStagingSql(d: Dialect, table: TableDef): string {
  const q = d.quoteIdent;
  const names = table.columns.map((c) => q(c.name)).join(', ');
  const casts = table.columns.map((c) => d.castText(q(c.name), c.type)).join(', ');
  return `INSERT INTO ${q(table.name)} (${names}) SELECT ${casts} FROM ${q(stagingName(table))}`;
}

export const dropStagingSql = (d: Dialect, table: TableDef): string =>
  `DROP TABLE IF EXISTS ${d.quoteIdent(stagingName(table))}`;

/** One INSERT of rows of canonical text (Dialect.textRows), each column cast exactly (as from the staging table). */
export function insertTextRowsSql(
  d: Dialect,
  table: TableDef,
  rows: readonly (readonly (string | null)[])[],
): SqlQuery {
  const q = d.quoteIdent;
  const names = table.columns.map((c) => c.name);
  const relation = d.textRows('v', names, rows, 1);
  const casts = table.columns.map((c) => d.castText(`v.${q(c.name)}`, c.type)).join(', ');
  return withTextRows(
    `INSERT INTO ${q(table.name)} (${names.map(q).join(', ')}) SELECT ${casts} FROM ${relation.sql}`,
    relation,
  );
}
