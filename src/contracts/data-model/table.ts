import type { ColumnDef } from './column.js';

export interface ForeignKey {
  readonly columns: readonly string[];
  readonly table: string;
  readonly refColumns: readonly string[];
}

export interface TableDef {
  readonly name: string;
  readonly title: string;
  /** The system a distributor exports this table from. */
  readonly origin: string;
  readonly description: string;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  /**
   * What a re-import does with a row whose key already exists: master data is updated in place,
   * transactional facts are immutable and counted as duplicates.
   */
  readonly onExistingKey: 'update' | 'skip';
  /** File stems recognised by `import --dir` besides `name`. */
  readonly fileAliases: readonly string[];
}

export function column(table: TableDef, name: string): ColumnDef {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`Table ${table.name} has no column ${name}`);
  return found;
}

export function referencedTables(table: TableDef): string[] {
  return [...new Set(table.foreignKeys.map((fk) => fk.table))];
}
