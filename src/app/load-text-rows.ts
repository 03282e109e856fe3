import type { TableDef } from '../contracts/data-model/table.js';
import type { SqlSession, TextRow } from '../engines/engine.js';
import {
  createStagingSql,
  dropStagingSql,
  insertFromStagingSql,
  insertTextRowsSql,
  stagingName,
} from '../sql/cleaning/staging.js';
import type { Dialect } from '../sql/dialects/dialect.js';

/**
 * Inserts rows of canonical text (the table's columns in order) into `table`, each column cast exactly: as one
 * INSERT of Dialect.textRows when they have few cells (Dialect.textRowsMaxCells: a few thousand on PostgreSQL),
 * else through a staging table and the engine's bulk path (DuckDB appender, PostgreSQL COPY).
 */
export async function loadTextRows(
  db: SqlSession,
  d: Dialect,
  table: TableDef,
  rows: readonly TextRow[],
): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length * table.columns.length <= d.textRowsMaxCells) {
    await db.run(insertTextRowsSql(d, table, rows));
    return;
  }
  await db.run(dropStagingSql(d, table));
  await db.run(createStagingSql(d, table));
  await db.bulkLoad(
    stagingName(table),
    table.columns.map((c) => c.name),
    rows,
  );
  await db.run(insertFromStagingSql(d, table));
  await db.run(dropStagingSql(d, table));
}
