import type { ColumnDef } from '../../contracts/data-model/column.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';

export function createTableSql(d: Dialect, table: TableDef): string {
  const q = d.quoteIdent;
  const columns = table.columns.map(
    (c) => `  ${q(c.name)} ${d.columnType(c.type)}${c.required ? ' NOT NULL' : ''}${checkSql(d, c)}`,
  );
  const constraints = [`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`];
  if (d.declaresForeignKeys) {
    // Checked at commit, so that one transaction may write rows in any order (a run's snapshot before its row).
    for (const fk of table.foreignKeys) {
      constraints.push(
        `  FOREIGN KEY (${fk.columns.map(q).join(', ')}) REFERENCES ${q(fk.table)} (${fk.refColumns.map(q).join(', ')}) DEFERRABLE INITIALLY DEFERRED`,
      );
    }
  }
  return `CREATE TABLE IF NOT EXISTS ${q(table.name)} (\n${[...columns, ...constraints].join(',\n')}\n)`;
}

/** Enumerations and numeric bounds become CHECK constraints; date checks depend on the clock and stay in the importer. */
function checkSql(d: Dialect, c: ColumnDef): string {
  const col = d.quoteIdent(c.name);
  const conditions: string[] = [];
  if (c.type.kind === 'enum')
    conditions.push(`${col} IN (${c.type.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`);
  for (const check of c.checks ?? []) {
    if (check.kind === 'min') conditions.push(`${col} ${check.exclusive ? '>' : '>='} ${check.value}`);
    if (check.kind === 'max') conditions.push(`${col} <= ${check.value}`);
  }
  return conditions.map((cond) => ` CHECK (${cond})`).join('');
}
