import { access, constants } from 'node:fs/promises';
import { extname } from 'node:path';
import { stratumError } from '../../../contracts/errors.js';
import { openCsv } from './csv-reader.js';
import { openJsonl } from './jsonl-reader.js';
import { openParquet } from './parquet-reader.js';
import type { ReaderOptions, SourceReader } from './source-reader.js';
import { openXlsx } from './xlsx-reader.js';

type Opener = (path: string, options: ReaderOptions) => Promise<SourceReader>;

/** Readers by file extension; `.txt` and `.tsv` are read as CSV (the delimiter is detected). */
const OPENERS: Readonly<Record<string, Opener>> = {
  '.csv': openCsv,
  '.tsv': openCsv,
  '.txt': openCsv,
  '.xlsx': openXlsx,
  '.parquet': openParquet,
  '.jsonl': openJsonl,
  '.ndjson': openJsonl,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(OPENERS);

export function isSupportedFile(path: string): boolean {
  return extname(path).toLowerCase() in OPENERS;
}

/** Opens a source file by its extension; an unknown format or an unreadable file is a StratumError naming it. */
export async function openReader(path: string, options: ReaderOptions): Promise<SourceReader> {
  const ext = extname(path).toLowerCase();
  const opener = OPENERS[ext];
  if (!opener)
    throw stratumError(
      'FILE_FORMAT_UNKNOWN',
      `${path}: unknown format "${ext || '(no extension)'}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
      { file: path },
    );
  try {
    await access(path, constants.R_OK);
    return await opener(path, options);
  } catch (error) {
    throw unreadable(path, error);
  }
}

export function unreadable(path: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return stratumError('FILE_UNREADABLE', `${path}: cannot be read (${reason})`, { file: path });
}
