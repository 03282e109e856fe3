import type { ForeignKey, TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { STAGE_FIELD, STAGE_RAW, STAGE_REASON, STAGE_ROW } from './staging.js';

export interface ImportRef {
  readonly importId: string;
  readonly source: string;
  readonly file: string;
}

const QUARANTINE_COLUMNS = ['import_id', 'source', 'file', 'row_number', 'field', 'reason', 'raw'];

function insertQuarantine(d: Dialect): string {
  return `INSERT INTO ${d.quoteIdent('quarantine')} (${QUARANTINE_COLUMNS.map(d.quoteIdent).join(', ')})`;
}

/** Rows the validators rejected (one staging row per faulty field) → quarantine. */
export function quarantineRejectsSql(d: Dialect, stage: string, ref: ImportRef): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `${insertQuarantine(d)}
SELECT ${d.param(1)}, ${d.param(2)}, ${d.param(3)}, ${q(STAGE_ROW)}, ${q(STAGE_FIELD)}, ${q(STAGE_REASON)}, ${q(STAGE_RAW)}
FROM ${q(stage)} WHERE ${q(STAGE_REASON)} IS NOT NULL`,
    [ref.importId, ref.source, ref.file],
  );
}

/** `customers` → `customer`, `order_lines` → `order line`: the noun in "unknown customer C123". */
export function singularNoun(tableName: string): string {
  return tableName.replaceAll('_', ' ').replace(/s$/, '');
}

/** The field named in the quarantine for a broken reference: the column, or `city+district` for a composite key. */
export const referenceField = (fk: ForeignKey): string => fk.columns.join('+');

/** Rows of `good` (alias g) whose reference is set but matches no row of the referenced table. */
export function orphanCondition(d: Dialect, fk: ForeignKey, target: TableDef, referenced: TableDef): string {
  const q = d.quoteIdent;
  const set = fk.columns.map((c) => `g.${q(c)} IS NOT NULL`);
  const match = fk.columns.map((c, i) => {
    const refName = fk.refColumns[i]!;
    const refCol = referenced.columns.find((rc) => rc.name === refName);
    if (!refCol) throw new Error(`${target.name}: ${referenced.name} has no column ${refName}`);
    return `r.${q(refName)} = ${d.castText(`g.${q(c)}`, refCol.type)}`;
  });
  return `${set.join(' AND ')} AND NOT EXISTS (SELECT 1 FROM ${q(referenced.name)} r WHERE ${match.join(' AND ')})`;
}

/** Orphans → quarantine, e.g. field `customer_id`, reason `unknown customer C123`. */
export function quarantineOrphansSql(
  d: Dialect,
  good: string,
  fk: ForeignKey,
  target: TableDef,
  referenced: TableDef,
  ref: ImportRef,
): SqlQuery {
  const q = d.quoteIdent;
  const value =
    fk.columns.length === 1
      ? `g.${q(fk.columns[0]!)}`
      : `concat_ws('/', ${fk.columns.map((c) => `g.${q(c)}`).join(', ')})`;
  return sql(
    `${insertQuarantine(d)}
SELECT ${d.param(1)}, ${d.param(2)}, ${d.param(3)}, g.${q(STAGE_ROW)}, ${d.param(4)}, ${d.param(5)} || ${value}, g.${q(STAGE_RAW)}
FROM ${q(good)} g WHERE ${orphanCondition(d, fk, target, referenced)}`,
    [ref.importId, ref.source, ref.file, referenceField(fk), `unknown ${singularNoun(referenced.name)} `],
  );
}

export function deleteOrphansSql(
  d: Dialect,
  good: string,
  fk: ForeignKey,
  target: TableDef,
  referenced: TableDef,
): string {
  return `DELETE FROM ${d.quoteIdent(good)} g WHERE ${orphanCondition(d, fk, target, referenced)}`;
}

/** The first `limit` quarantined rows of one import, in row order. */
export function quarantinePreviewSql(d: Dialect, importId: string, limit: number): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `SELECT ${q('file')}, ${q('row_number')} AS ${q('row')}, ${q('field')}, ${q('reason')} FROM ${q('quarantine')}
WHERE ${q('import_id')} = ${d.param(1)} ORDER BY ${q('row_number')}, ${q('field')} LIMIT ${Math.max(0, Math.floor(limit))}`,
    [importId],
  );
}

export function countQuarantinedRowsSql(d: Dialect, importId: string): SqlQuery {
  const q = d.quoteIdent;
  return sql(
    `SELECT count(DISTINCT ${q('row_number')}) AS n FROM ${q('quarantine')} WHERE ${q('import_id')} = ${d.param(1)}`,
    [importId],
  );
}
