import type { TableDef } from '../contracts/data-model/table.js';
import type { Dialect } from './dialects/dialect.js';
import { sql, type SqlParam, type SqlQuery } from './query.js';

/**
 * One INSERT of rows of canonical text (a table's columns in order) as parameters, each cast exactly to its
 * column's type: for a few hundred rows, one statement instead of a staging table's five (create, bulk load,
 * insert, drop). Larger loads go through the engine's bulk path (createStagingSql).
 */
export function insertTextRowsSql(
  d: Dialect,
  table: TableDef,
  rows: readonly (readonly (string | null)[])[],
): SqlQuery {
  if (rows.length === 0) throw new Error('insertTextRowsSql needs at least one row');
  const params: SqlParam[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== table.columns.length)
      throw new Error(`a row of ${table.name} has ${row.length} values for ${table.columns.length} columns`);
    const cells = row.map((value) => {
      params.push(value);
      return `CAST(${d.param(params.length)} AS VARCHAR)`;
    });
    return `(${cells.join(', ')})`;
  });
  const q = d.quoteIdent;
  const names = table.columns.map((c) => q(c.name)).join(', ');
  // The casts in one select list over the VALUES rather than in every row: planned once, not once per row.
  const casts = table.columns.map((c) => d.castText(`v.${q(c.name)}`, c.type)).join(', ');
  return sql(
    `INSERT INTO ${q(table.name)} (${names})
SELECT ${casts}
FROM (VALUES ${tuples.join(',\n')}) AS v (${names})`,
    params,
  );
}
