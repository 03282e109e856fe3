import type { Engine } from '../../engines/engine.js';
import { quarantinePreviewSql } from '../../sql/import/quarantine.js';
import { importFile } from './import-file.js';
import type {
  FileReport,
  ImportProgress,
  ImportRequest,
  ImportResult,
  QuarantineEntry,
} from './import-types.js';
import { EMPTY_MAPPING } from './mapping-file.js';
import { checkHeaders, planImport } from './plan.js';

export const DEFAULT_QUARANTINE_LIST_LIMIT = 100;

/**
 * `stratum import`: loads each file of the request, in dependency order, each in its own transaction. Unknown
 * sources, unknown formats and files lacking required columns fail before anything is loaded; a file that turns
 * out unreadable midway fails the import there (files before it stay committed, it leaves no trace).
 */
export async function importFiles(
  engine: Engine,
  request: ImportRequest,
  onProgress?: (event: ImportProgress) => void,
): Promise<ImportResult> {
  const mapping = request.mapping ?? EMPTY_MAPPING;
  const encoding = request.encoding ?? 'auto';
  const limit = request.quarantineListLimit ?? DEFAULT_QUARANTINE_LIST_LIMIT;
  const plan = await planImport(request.target, mapping);
  await checkHeaders(plan, mapping, encoding);
  const ctx = { mapping, encoding, now: request.now ?? new Date(), timeZone: request.timeZone, onProgress };
  const files: FileReport[] = [];
  const quarantine: QuarantineEntry[] = [];
  for (const filePlan of plan.files) {
    const report = await importFile(engine, filePlan, ctx);
    files.push(report);
    onProgress?.({ kind: 'file-finished', file: filePlan.file, report });
    if (report.quarantined > 0 && quarantine.length < limit) {
      const rows = await engine.all(
        quarantinePreviewSql(engine.dialect, report.importId, limit - quarantine.length),
      );
      for (const r of rows)
        quarantine.push({
          file: String(r.file),
          row: Number(r.row),
          field: String(r.field),
          reason: String(r.reason),
        });
    }
  }
  return {
    files,
    skippedFiles: plan.skippedFiles,
    quarantine,
    quarantineTotal: files.reduce((n, f) => n + f.quarantined, 0),
  };
}
