import { ALL_TABLES } from '../../contracts/data-model/all-tables.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine, SqlSession, TextRow } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import {
  createStagingSql,
  dropStagingSql,
  insertFromStagingSql,
  stagingName,
} from '../../sql/cleaning/staging.js';
import { copyRowsSql, countRowsSql } from '../../sql/copy/copy-sql.js';
import { analyzeTables } from '../analyze-tables.js';

/** Rows read and written per chunk: large enough for the bulk path, small enough to keep memory flat. */
export const COPY_PAGE_ROWS = 50_000;

export interface CopyProgress {
  readonly table: string;
  readonly copied: number;
  readonly total: number;
}

export interface CopyResult {
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  readonly rows: number;
  readonly durationMs: number;
}

async function countOf(session: SqlSession, d: Dialect, table: TableDef): Promise<number> {
  const [row] = await session.all(countRowsSql(d, table));
  return Number(row?.n ?? 0);
}

async function copyTable(
  from: Engine,
  tx: SqlSession,
  d: Dialect,
  table: TableDef,
  onPage: (copied: number) => void,
): Promise<number> {
  const names = table.columns.map((c) => c.name);
  await tx.run(dropStagingSql(d, table));
  await tx.run(createStagingSql(d, table));
  let copied = 0;
  for await (const rows of from.stream(copyRowsSql(from.dialect, table), COPY_PAGE_ROWS)) {
    const texts: TextRow[] = rows.map((r) => names.map((n) => (r[n] === null ? null : String(r[n]))));
    await tx.bulkLoad(stagingName(table), names, texts);
    await tx.run(insertFromStagingSql(d, table));
    await tx.run(`DELETE FROM ${d.quoteIdent(stagingName(table))}`);
    copied += rows.length;
    onPage(copied);
  }
  await tx.run(dropStagingSql(d, table));
  return copied;
}

/**
 * `stratum copy`: every table of an installation (source data, cleaning results, runs and snapshots, users,
 * keys, audit, configurations, jobs, schedules, webhooks) from one engine into another, in one transaction on the
 * target, which must be migrated and empty. A failure leaves the target as empty as it was. Both engines must
 * be migrated to the same version (opening them does that).
 */
export async function copyInstallation(
  from: Engine,
  to: Engine,
  onProgress?: (p: CopyProgress) => void,
): Promise<CopyResult> {
  const started = Date.now();
  for (const table of ALL_TABLES)
    if ((await countOf(to, to.dialect, table)) > 0)
      throw stratumError(
        'CONFLICT',
        `the target already holds data (table ${table.name}): copy into an empty database`,
        {
          what: 'database',
        },
      );
  const totals = new Map<string, number>();
  for (const table of ALL_TABLES) totals.set(table.name, await countOf(from, from.dialect, table));
  const tables = await to.transaction(async (tx) => {
    const done: { table: string; rows: number }[] = [];
    for (const table of ALL_TABLES) {
      const total = totals.get(table.name) ?? 0;
      onProgress?.({ table: table.name, copied: 0, total });
      const rows =
        total === 0
          ? 0
          : await copyTable(from, tx, to.dialect, table, (copied) =>
              onProgress?.({ table: table.name, copied, total }),
            );
      done.push({ table: table.name, rows });
    }
    await analyzeTables(
      tx,
      to.dialect,
      ALL_TABLES.map((t) => t.name),
    );
    return done;
  });
  return { tables, rows: tables.reduce((n, t) => n + t.rows, 0), durationMs: Date.now() - started };
}
