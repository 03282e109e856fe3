import { SOURCE_TABLES, sourceTable } from '../../contracts/data-model/sources/index.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import { StratumError, stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { relabelImportFileSql } from '../../sql/import/import-queries.js';
import { DEFAULT_QUARANTINE_LIST_LIMIT, importFiles } from './import-files.js';
import type { FileReport, ImportResult, QuarantineEntry } from './import-types.js';
import { EMPTY_MAPPING } from './mapping-file.js';
import { checkHeaders, sourceOfFile, type FilePlan } from './plan.js';
import { isSupportedFile, SUPPORTED_EXTENSIONS } from './readers/open-reader.js';
import type { EncodingChoice } from './readers/source-reader.js';

export interface UploadedFile {
  /** Where the upload was saved: a temporary file with the extension of `name`. */
  readonly path: string;
  /** The client's file name made safe (see safeUploadName): what the import log and quarantine call it. */
  readonly name: string;
}

export interface UploadImportRequest {
  readonly files: readonly UploadedFile[];
  /** The source every file feeds; without it each file's name tells (orders.csv, 订单.xlsx). */
  readonly source?: string | undefined;
  readonly encoding?: EncodingChoice | undefined;
  readonly now?: Date | undefined;
  readonly timeZone: string;
  readonly quarantineListLimit?: number | undefined;
}

interface UploadPlan extends FilePlan {
  readonly name: string;
}

/** Replaces each temporary path by the file's name in an error's message and details. */
function renamed(error: unknown, files: readonly UploadedFile[]): unknown {
  if (!(error instanceof StratumError)) return error;
  const rename = (text: string) => files.reduce((t, f) => t.replaceAll(f.path, f.name), text);
  const details = Object.fromEntries(
    Object.entries(error.details as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? rename(v) : v,
    ]),
  );
  return new StratumError(error.code, rename(error.message), details as never);
}

function tableOf(file: UploadedFile, source: string | undefined): TableDef {
  if (!isSupportedFile(file.name))
    throw stratumError(
      'FILE_FORMAT_UNKNOWN',
      `${file.name}: unknown format (expected a file ending in ${SUPPORTED_EXTENSIONS.join(', ')})`,
      { file: file.name },
    );
  const table = source === undefined ? sourceOfFile(file.name, EMPTY_MAPPING) : sourceTable(source);
  if (table) return table;
  throw stratumError(
    'SOURCE_UNKNOWN',
    source === undefined
      ? `${file.name}: cannot tell which source this file is; name it after a source (e.g. orders.csv, 订单.csv) or give the source`
      : `${file.name}: unknown source "${source}" (sources: ${SOURCE_TABLES.map((t) => t.name).join(', ')})`,
    { file: file.name, ...(source === undefined ? {} : { source }) },
  );
}

const order = (table: TableDef) => SOURCE_TABLES.findIndex((t) => t.name === table.name);

/**
 * Uploaded files → the same import as `stratum import`: every file's format, source and headers are checked before
 * anything is loaded; then each file is validated, its bad rows quarantined and its good rows committed in one
 * transaction, in dependency order. The log and the quarantine name each file by its upload name, not its
 * temporary path.
 */
export async function importUpload(engine: Engine, request: UploadImportRequest): Promise<ImportResult> {
  const { files } = request;
  if (files.length === 0)
    throw stratumError(
      'NOTHING_LOADED',
      'no file was uploaded (send one or more files as multipart parts)',
      {},
    );
  const limit = request.quarantineListLimit ?? DEFAULT_QUARANTINE_LIST_LIMIT;
  const encoding = request.encoding ?? 'auto';
  try {
    const plans: UploadPlan[] = files
      .map((f) => ({ file: f.path, name: f.name, table: tableOf(f, request.source) }))
      .sort((a, b) => order(a.table) - order(b.table));
    await checkHeaders({ files: plans, skippedFiles: [] }, EMPTY_MAPPING, encoding);
    const reports: FileReport[] = [];
    const quarantine: QuarantineEntry[] = [];
    for (const plan of plans) {
      const result = await importFiles(engine, {
        target: { kind: 'file', source: plan.table.name, file: plan.file },
        encoding,
        timeZone: request.timeZone,
        ...(request.now ? { now: request.now } : {}),
        quarantineListLimit: Math.max(0, limit - quarantine.length),
      });
      for (const report of result.files) {
        for (const statement of relabelImportFileSql(engine.dialect, report.importId, plan.name))
          await engine.run(statement);
        reports.push({ ...report, file: plan.name });
      }
      quarantine.push(...result.quarantine.map((q) => ({ ...q, file: plan.name })));
    }
    return {
      files: reports,
      skippedFiles: [],
      quarantine,
      quarantineTotal: reports.reduce((n, f) => n + f.quarantined, 0),
    };
  } catch (error) {
    throw renamed(error, files);
  }
}
