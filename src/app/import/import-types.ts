import type { EncodingChoice } from './readers/source-reader.js';
import type { ImportMapping } from './mapping-file.js';

export type ImportTarget =
  | { readonly kind: 'dir'; readonly dir: string }
  | { readonly kind: 'file'; readonly source: string; readonly file: string };

export interface ImportRequest {
  readonly target: ImportTarget;
  readonly mapping?: ImportMapping;
  readonly encoding?: EncodingChoice;
  /** Rows dated after this instant are quarantined as "in the future"; injectable for tests. */
  readonly now?: Date;
  /** Zone of wall-clock times without an offset (the configured STRATUM_TZ). */
  readonly timeZone: string;
  /** How many quarantined rows the result lists (the full list is in the quarantine table). Default 100. */
  readonly quarantineListLimit?: number;
}

export interface RowCounts {
  /** Data rows read from the file. */
  readonly read: number;
  /** New records inserted. */
  readonly loaded: number;
  /** Existing master-data records changed by the file. */
  readonly updated: number;
  /** Rows whose key repeats within the file or was already loaded (with identical values, for master data). */
  readonly duplicates: number;
  /** Rows rejected, each listed in the quarantine table. */
  readonly quarantined: number;
}

export interface FileReport extends RowCounts {
  readonly file: string;
  readonly source: string;
  readonly format: string;
  readonly importId: string;
  /** Headers of the file that feed no column. */
  readonly ignoredHeaders: readonly string[];
}

export interface QuarantineEntry {
  readonly file: string;
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly files: readonly FileReport[];
  /** Files in the directory skipped because their extension is not a supported format. */
  readonly skippedFiles: readonly string[];
  /** The first quarantined rows (at most quarantineListLimit). */
  readonly quarantine: readonly QuarantineEntry[];
  /** Quarantined rows in total (the length of the full list in the quarantine table). */
  readonly quarantineTotal: number;
}

export type ImportProgress =
  | {
      readonly kind: 'file-started';
      readonly file: string;
      readonly source: string;
      readonly totalBytes: number;
    }
  | { readonly kind: 'bytes'; readonly file: string; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly kind: 'merging'; readonly file: string }
  | { readonly kind: 'file-finished'; readonly file: string; readonly report: FileReport };
