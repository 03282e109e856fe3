import type { ColumnDef } from '../../contracts/data-model/column.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';
import { STAGE_RAW, STAGE_REASON, STAGE_ROW } from './staging.js';

/**
 * Merging a file's valid staged rows (all canonical text) into its table, with exact casts. `present` are the
 * columns the file carries: an update sets only those, an insert leaves the others NULL.
 */
export interface MergeSpec {
  readonly table: TableDef;
  readonly present: readonly ColumnDef[];
}

const keyColumns = (spec: MergeSpec): ColumnDef[] =>
  spec.table.primaryKey.map((name) => {
    const col = spec.table.columns.find((c) => c.name === name);
    if (!col) throw new Error(`${spec.table.name}: no key column ${name}`);
    return col;
  });

const valueColumns = (spec: MergeSpec): ColumnDef[] =>
  spec.present.filter((c) => !spec.table.primaryKey.includes(c.name));

const cast = (d: Dialect, alias: string, c: ColumnDef): string =>
  d.castText(`${alias}.${d.quoteIdent(c.name)}`, c.type);

/** The file's valid rows, first occurrence of each key only (later ones are duplicates within the file). */
export function dedupeSql(d: Dialect, stage: string, good: string, spec: MergeSpec): string {
  const q = d.quoteIdent;
  const cols = [STAGE_ROW, STAGE_RAW, ...spec.present.map((c) => c.name)].map(q).join(', ');
  const partition = keyColumns(spec)
    .map((c) => cast(d, 's', c))
    .join(', ');
  return `${d.tempTable} ${q(good)} AS
SELECT ${cols} FROM (
  SELECT s.*, row_number() OVER (PARTITION BY ${partition} ORDER BY s.${q(STAGE_ROW)}) AS __n
  FROM ${q(stage)} s WHERE s.${q(STAGE_REASON)} IS NULL
) ranked WHERE __n = 1`;
}

function keyMatch(d: Dialect, spec: MergeSpec): string {
  return keyColumns(spec)
    .map((c) => `t.${d.quoteIdent(c.name)} = ${cast(d, 'g', c)}`)
    .join(' AND ');
}

function sameValues(d: Dialect, spec: MergeSpec): string {
  const cols = valueColumns(spec);
  if (cols.length === 0) return 'TRUE';
  return cols.map((c) => `t.${d.quoteIdent(c.name)} IS NOT DISTINCT FROM ${cast(d, 'g', c)}`).join(' AND ');
}

/**
 * Staged rows whose key already exists: `any` of them, those `identical` to the stored row in every column the
 * file carries, or those `changed`.
 */
export function countExistingSql(
  d: Dialect,
  good: string,
  spec: MergeSpec,
  which: 'any' | 'identical' | 'changed',
): string {
  const q = d.quoteIdent;
  const extra =
    which === 'any'
      ? ''
      : which === 'identical'
        ? ` AND ${sameValues(d, spec)}`
        : ` AND NOT (${sameValues(d, spec)})`;
  return `SELECT count(*) AS n FROM ${q(good)} g
WHERE EXISTS (SELECT 1 FROM ${q(spec.table.name)} t WHERE ${keyMatch(d, spec)}${extra})`;
}

/** Updates existing rows that differ; null when the file carries no column besides the key. */
export function updateChangedSql(d: Dialect, good: string, spec: MergeSpec): string | null {
  const q = d.quoteIdent;
  const cols = valueColumns(spec);
  if (cols.length === 0) return null;
  return `UPDATE ${q(spec.table.name)} AS t SET ${cols.map((c) => `${q(c.name)} = ${cast(d, 'g', c)}`).join(', ')}
FROM ${q(good)} AS g WHERE ${keyMatch(d, spec)} AND NOT (${sameValues(d, spec)})`;
}

/** Inserts staged rows whose key is new. */
export function insertNewSql(d: Dialect, good: string, spec: MergeSpec): string {
  const q = d.quoteIdent;
  return `INSERT INTO ${q(spec.table.name)} (${spec.present.map((c) => q(c.name)).join(', ')})
SELECT ${spec.present.map((c) => cast(d, 'g', c)).join(', ')} FROM ${q(good)} g
WHERE NOT EXISTS (SELECT 1 FROM ${q(spec.table.name)} t WHERE ${keyMatch(d, spec)})`;
}
