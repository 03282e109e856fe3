import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SOURCE_TABLES, sourceTable } from '../../contracts/data-model/sources/index.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import { stratumError } from '../../contracts/errors.js';
import { normalizeName } from './header-names.js';
import { mapHeaders, type HeaderMapping } from './header-mapping.js';
import type { ImportTarget } from './import-types.js';
import type { ImportMapping } from './mapping-file.js';
import { isSupportedFile, openReader } from './readers/open-reader.js';
import type { EncodingChoice } from './readers/source-reader.js';

export interface FilePlan {
  readonly file: string;
  readonly table: TableDef;
}

export interface ImportPlan {
  /** In load order: every source after the sources it references. */
  readonly files: readonly FilePlan[];
  readonly skippedFiles: readonly string[];
}

const order = (table: TableDef) => SOURCE_TABLES.findIndex((t) => t.name === table.name);

/** The source a file in a --dir feeds: the mapping's `files`, else its stem as a table name or file alias. */
export function sourceOfFile(file: string, mapping: ImportMapping): TableDef | undefined {
  const name = basename(file);
  const stem = normalizeName(basename(file, extname(file)));
  for (const [pattern, source] of Object.entries(mapping.files)) {
    const p = normalizeName(pattern);
    if (p === normalizeName(name) || p === stem) return sourceTable(source);
  }
  return SOURCE_TABLES.find(
    (t) => normalizeName(t.name) === stem || t.fileAliases.some((a) => normalizeName(a) === stem),
  );
}

/** Which file feeds which source, in load order; an unknown source or format fails before anything is loaded. */
export async function planImport(target: ImportTarget, mapping: ImportMapping): Promise<ImportPlan> {
  if (target.kind === 'file') {
    const table = sourceTable(target.source);
    if (!table)
      throw stratumError(
        'SOURCE_UNKNOWN',
        `${target.file}: unknown source "${target.source}" (sources: ${SOURCE_TABLES.map((t) => t.name).join(', ')})`,
        { file: target.file, source: target.source },
      );
    return { files: [{ file: target.file, table }], skippedFiles: [] };
  }
  let names: string[];
  try {
    names = (await readdir(target.dir)).sort();
  } catch (error) {
    throw stratumError(
      'FILE_UNREADABLE',
      `${target.dir}: cannot read directory (${(error as Error).message})`,
      {
        file: target.dir,
      },
    );
  }
  const files: FilePlan[] = [];
  const skippedFiles: string[] = [];
  for (const name of names) {
    const file = join(target.dir, name);
    if (name.startsWith('.') || !(await stat(file)).isFile()) continue;
    if (!isSupportedFile(file)) {
      skippedFiles.push(file);
      continue;
    }
    const table = sourceOfFile(file, mapping);
    if (!table)
      throw stratumError(
        'SOURCE_UNKNOWN',
        `${file}: cannot tell which source this file is; name it after a source (e.g. orders.csv, 订单.csv) or map it under "files:" in --mapping`,
        { file },
      );
    files.push({ file, table });
  }
  if (files.length === 0)
    throw stratumError('NOTHING_LOADED', `${target.dir}: no importable files (csv, xlsx, parquet, jsonl)`, {
      file: target.dir,
    });
  files.sort((a, b) => order(a.table) - order(b.table) || a.file.localeCompare(b.file));
  return { files, skippedFiles };
}

/** The header mapping of a file; a file lacking a required column is rejected as a whole. */
export function requireColumns(
  file: string,
  table: TableDef,
  headers: readonly string[],
  mapping: ImportMapping,
): HeaderMapping {
  const mapped = mapHeaders(table, headers, mapping.sources[table.name]?.columns ?? {});
  if (mapped.missing.length > 0)
    throw stratumError(
      'HEADER_MISSING_COLUMNS',
      `${file}: missing required ${table.name} column${mapped.missing.length > 1 ? 's' : ''} ${mapped.missing.join(', ')} (headers found: ${headers.join(', ') || 'none'})`,
      { file, missing: [...mapped.missing] },
    );
  return mapped;
}

/** Opens every planned file to check its headers, so that a bad header fails the import before any load. */
export async function checkHeaders(
  plan: ImportPlan,
  mapping: ImportMapping,
  encoding: EncodingChoice,
): Promise<void> {
  for (const { file, table } of plan.files) {
    const reader = await openReader(file, { encoding });
    try {
      requireColumns(file, table, reader.headers, mapping);
    } finally {
      await reader.close();
    }
  }
}
