import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';

/** Every row of `table`, each column as canonical text (dialect.textOf) that castText reads back on any engine. */
export function copyRowsSql(d: Dialect, table: TableDef): string {
  const q = d.quoteIdent;
  const texts = table.columns.map((c) => `${d.textOf(q(c.name), c.type)} AS ${q(c.name)}`);
  return `SELECT ${texts.join(', ')} FROM ${q(table.name)}`;
}

export const countRowsSql = (d: Dialect, table: TableDef): string =>
  `SELECT count(*) AS n FROM ${d.quoteIdent(table.name)}`;
