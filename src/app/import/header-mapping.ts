import type { ColumnDef } from '../../contracts/data-model/column.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import { normalizeName } from './header-names.js';

export interface MappedColumn {
  readonly column: ColumnDef;
  /** The header in the file that feeds the column. */
  readonly header: string;
}

export interface HeaderMapping {
  /** Columns found in the file, in the table's column order. */
  readonly columns: readonly MappedColumn[];
  /** Headers that feed no column (unknown, or a second header for a column already fed). */
  readonly ignored: readonly string[];
  /** Required columns the file lacks. */
  readonly missing: readonly string[];
}

/** How strongly a name identifies a column: an explicit mapping beats the column name beats an alias. */
const Strength = { Explicit: 0, Name: 1, Alias: 2 } as const;
type Strength = (typeof Strength)[keyof typeof Strength];

function lookup(table: TableDef, explicit: Readonly<Record<string, string>>) {
  const byName = new Map<string, { column: ColumnDef; strength: Strength }>();
  const add = (name: string, column: ColumnDef, strength: Strength) => {
    const key = normalizeName(name);
    const known = byName.get(key);
    if (!known || strength < known.strength) byName.set(key, { column, strength });
  };
  for (const column of table.columns) {
    add(column.name, column, Strength.Name);
    for (const alias of column.aliases) add(alias, column, Strength.Alias);
  }
  for (const [header, name] of Object.entries(explicit)) {
    const column = table.columns.find((c) => c.name === name);
    if (column) add(header, column, Strength.Explicit);
  }
  return byName;
}

/**
 * Matches a file's headers to a table's columns by explicit mapping, column name or alias, compared in
 * normalised form (see normalizeName). When two headers feed one column the stronger match wins, then the first.
 */
export function mapHeaders(
  table: TableDef,
  headers: readonly string[],
  explicit: Readonly<Record<string, string>> = {},
): HeaderMapping {
  const byName = lookup(table, explicit);
  const chosen = new Map<string, { header: string; strength: Strength }>();
  for (const header of headers) {
    const hit = byName.get(normalizeName(header));
    if (!hit) continue;
    const current = chosen.get(hit.column.name);
    if (!current || hit.strength < current.strength)
      chosen.set(hit.column.name, { header, strength: hit.strength });
  }
  const used = new Set([...chosen.values()].map((c) => c.header));
  const columns = table.columns.flatMap((column) => {
    const c = chosen.get(column.name);
    return c ? [{ column, header: c.header }] : [];
  });
  return {
    columns,
    ignored: headers.filter((h) => !used.has(h)),
    missing: table.columns.filter((c) => c.required && !chosen.has(c.name)).map((c) => c.name),
  };
}
