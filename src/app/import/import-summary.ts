import type { ImportResult, QuarantineEntry } from './import-types.js';

/** Per source: what its files did (the `sources` of `stratum import --json`). */
export interface SourceTotals {
  read: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
  updated: number;
  files: string[];
  ignoredColumns: string[];
}

/** The JSON `stratum import --json` prints and `POST /api/v1/data/import` answers. */
export interface ImportSummary {
  readonly sources: Record<string, SourceTotals>;
  readonly quarantine: readonly QuarantineEntry[];
}

export function sourceTotals(result: ImportResult): Record<string, SourceTotals> {
  const sources: Record<string, SourceTotals> = {};
  for (const f of result.files) {
    const s = (sources[f.source] ??= {
      read: 0,
      loaded: 0,
      quarantined: 0,
      duplicates: 0,
      updated: 0,
      files: [],
      ignoredColumns: [],
    });
    s.read += f.read;
    s.loaded += f.loaded;
    s.quarantined += f.quarantined;
    s.duplicates += f.duplicates;
    s.updated += f.updated;
    s.files.push(f.file);
    for (const h of f.ignoredHeaders) if (!s.ignoredColumns.includes(h)) s.ignoredColumns.push(h);
  }
  return sources;
}

export const importSummary = (result: ImportResult): ImportSummary => ({
  sources: sourceTotals(result),
  quarantine: result.quarantine,
});
