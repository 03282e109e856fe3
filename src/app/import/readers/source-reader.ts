/** One data row of a source file, keyed by the file's own headers. */
export interface SourceRecord {
  /** The row as a user sees it: spreadsheet row (header = 1), JSON-lines line, Parquet record from 1. */
  readonly rowNumber: number;
  readonly record: Readonly<Record<string, string | null>>;
  /** Set when the row itself could not be read (a malformed JSON line); the row is quarantined as a whole. */
  readonly problem?: string;
}

export type EncodingChoice = 'auto' | 'utf8' | 'gbk';

export interface ReaderOptions {
  readonly encoding: EncodingChoice;
  /** Called as the file is consumed, with the bytes read so far. */
  readonly onBytes?: (bytesRead: number) => void;
}

/**
 * How a binary number read from a typed format (xlsx, Parquet DOUBLE, JSON) is written as text, by the column its
 * header feeds: an Excel serial date in a date column; a decimal of fixed scale in a money column, so that
 * floating-point noise (12.300000000001) disappears; otherwise as typed.
 */
export type NumberFormat =
  | { readonly kind: 'plain' }
  | { readonly kind: 'serial-date' }
  | { readonly kind: 'decimal'; readonly scale: number };

/** Numbers written as typed. */
export const PLAIN: NumberFormat = { kind: 'plain' };

export interface RecordHints {
  readonly numberFormat?: (header: string) => NumberFormat;
}

/** An opened source file: its headers are known, its records are read lazily, once. */
export interface SourceReader {
  /** e.g. `csv (gb18030)`, `xlsx`, `parquet`, `jsonl (utf8)`; recorded in the import log. */
  readonly format: string;
  readonly headers: readonly string[];
  records(hints?: RecordHints): AsyncIterable<SourceRecord>;
  close(): Promise<void>;
}
