import { analyzeTables } from '../analyze-tables.js';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { rowValidator } from '../../contracts/data-model/row-schema.js';
import { sourceTable } from '../../contracts/data-model/sources/index.js';
import { StratumError } from '../../contracts/errors.js';
import type { Engine, SqlSession } from '../../engines/engine.js';
import { finishImportSql, insertImportSql, type ImportLogEntry } from '../../sql/import/import-log.js';
import {
  countExistingSql,
  dedupeSql,
  insertNewSql,
  updateChangedSql,
  type MergeSpec,
} from '../../sql/import/merge.js';
import {
  countQuarantinedRowsSql,
  deleteOrphansSql,
  quarantineOrphansSql,
  quarantineRejectsSql,
  type ImportRef,
} from '../../sql/import/quarantine.js';
import {
  countRowsSql,
  createStagingSql,
  dropTableSql,
  STAGE_META_COLUMNS,
} from '../../sql/import/staging.js';
import type { SqlQuery } from '../../sql/query.js';
import type { FileReport, ImportProgress } from './import-types.js';
import type { ImportMapping } from './mapping-file.js';
import type { FilePlan } from './plan.js';
import { requireColumns } from './plan.js';
import { openReader, unreadable } from './readers/open-reader.js';
import { PLAIN, type EncodingChoice, type NumberFormat } from './readers/source-reader.js';
import type { ColumnDef } from '../../contracts/data-model/column.js';
import { stagedRows, type StageCounters } from './staged-rows.js';

export interface FileImportContext {
  readonly mapping: ImportMapping;
  readonly encoding: EncodingChoice;
  readonly now: Date;
  readonly timeZone: string;
  readonly onProgress?: (event: ImportProgress) => void;
}

/** How a typed number read for this column becomes text (see NumberFormat). */
function numberFormatOf(column: ColumnDef): NumberFormat {
  const kind = column.type.kind;
  if (kind === 'date' || kind === 'timestamp') return { kind: 'serial-date' };
  if (kind === 'money') return { kind: 'decimal', scale: 2 };
  if (kind === 'quantity') return { kind: 'decimal', scale: 3 };
  return PLAIN;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function count(session: SqlSession, query: SqlQuery | string): Promise<number> {
  const rows = await session.all(query);
  return Number(rows[0]?.n ?? 0);
}

/**
 * One file: read and validate into a staging table through the bulk path, then in one transaction quarantine the
 * rejects, drop in-file duplicates, quarantine broken references, and merge into the table.
 */
export async function importFile(
  engine: Engine,
  plan: FilePlan,
  ctx: FileImportContext,
): Promise<FileReport> {
  const d = engine.dialect;
  const { file, table } = plan;
  const importId = randomUUID();
  const suffix = importId.replaceAll('-', '').slice(0, 12);
  const stage = `import_stage_${suffix}`;
  const good = `import_good_${suffix}`;
  const startedAt = new Date();
  const totalBytes = (await stat(file)).size;
  const fileSha = await sha256(file);
  ctx.onProgress?.({ kind: 'file-started', file, source: table.name, totalBytes });

  const reader = await openReader(file, {
    encoding: ctx.encoding,
    onBytes: (bytesRead) => ctx.onProgress?.({ kind: 'bytes', file, bytesRead, totalBytes }),
  });
  const counters: StageCounters = { read: 0, rejected: 0 };
  let mapping;
  try {
    mapping = requireColumns(file, table, reader.headers, ctx.mapping);
    const formats = new Map(mapping.columns.map((c) => [c.header, numberFormatOf(c.column)]));
    const validate = rowValidator(table, { now: ctx.now, timeZone: ctx.timeZone });
    const present = mapping.columns.map((c) => c.column.name);
    await engine.run(createStagingSql(d, stage, present));
    try {
      await engine.bulkLoad(
        stage,
        [...STAGE_META_COLUMNS, ...present],
        stagedRows(
          reader.records({ numberFormat: (h) => formats.get(h) ?? PLAIN }),
          mapping,
          validate,
          counters,
        ),
      );
      // No ANALYZE of the staging table: it is read only by single-table scans (rejects, dedupe), whose plans
      // statistics cannot change; the deduplicated rows (`good`), which are joined, are analysed below.
    } catch (error) {
      throw error instanceof StratumError
        ? error
        : unreadable(`${file} (after row ${counters.read + 1})`, error);
    }
  } catch (error) {
    await engine.run(dropTableSql(d, stage));
    throw error;
  } finally {
    await reader.close();
  }

  ctx.onProgress?.({ kind: 'merging', file });
  const ref: ImportRef = { importId, source: table.name, file };
  const spec: MergeSpec = { table, present: mapping.columns.map((c) => c.column) };
  const entry: ImportLogEntry = {
    import_id: importId,
    source: table.name,
    file,
    file_sha256: fileSha,
    format: reader.format,
    started_at: startedAt.toISOString(),
    finished_at: startedAt.toISOString(),
    rows_read: counters.read,
    rows_loaded: 0,
    rows_updated: 0,
    rows_duplicate: 0,
    rows_quarantined: counters.rejected,
  };
  try {
    const counts = await engine.transaction(async (tx) => {
      await tx.run(insertImportSql(d, entry));
      await tx.run(quarantineRejectsSql(d, stage, ref));
      await tx.run(dedupeSql(d, stage, good, spec));
      await analyzeTables(tx, d, [good]);
      const valid = counters.read - counters.rejected;
      let duplicates = valid - (await count(tx, countRowsSql(d, good)));
      for (const fk of table.foreignKeys) {
        const referenced = sourceTable(fk.table);
        if (!referenced) throw new Error(`${table.name} references unknown table ${fk.table}`);
        await tx.run(quarantineOrphansSql(d, good, fk, table, referenced, ref));
        await tx.run(deleteOrphansSql(d, good, fk, table, referenced));
      }
      const remaining = await count(tx, countRowsSql(d, good));
      let updated = 0;
      let existing: number;
      if (table.onExistingKey === 'update') {
        const identical = await count(tx, countExistingSql(d, good, spec, 'identical'));
        updated = await count(tx, countExistingSql(d, good, spec, 'changed'));
        const update = updateChangedSql(d, good, spec);
        if (update && updated > 0) await tx.run(update);
        existing = identical + updated;
        duplicates += identical;
      } else {
        existing = await count(tx, countExistingSql(d, good, spec, 'any'));
        duplicates += existing;
      }
      await tx.run(insertNewSql(d, good, spec));
      await analyzeTables(tx, d, [table.name]);
      const quarantined = await count(tx, countQuarantinedRowsSql(d, importId));
      const final: ImportLogEntry = {
        ...entry,
        finished_at: new Date().toISOString(),
        rows_loaded: remaining - existing,
        rows_updated: updated,
        rows_duplicate: duplicates,
        rows_quarantined: quarantined,
      };
      await tx.run(finishImportSql(d, final));
      return final;
    });
    return {
      file,
      source: table.name,
      format: reader.format,
      importId,
      ignoredHeaders: mapping.ignored,
      read: counts.rows_read,
      loaded: counts.rows_loaded,
      updated: counts.rows_updated,
      duplicates: counts.rows_duplicate,
      quarantined: counts.rows_quarantined,
    };
  } finally {
    await engine.run(dropTableSql(d, good));
    await engine.run(dropTableSql(d, stage));
  }
}
