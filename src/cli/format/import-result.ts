import type { ImportResult } from '../../app/import/import-types.js';
import type { SourceTotals } from '../../app/import/import-summary.js';

const TEXT_QUARANTINE_LIMIT = 10;

export function importMoreNote(result: ImportResult): string | null {
  const listedRows = new Set(result.quarantine.map((q) => `${q.file}\u0000${q.row}`)).size;
  const more = result.quarantineTotal - listedRows;
  return more > 0
    ? `${more} more quarantined row${more > 1 ? 's' : ''} not listed; the full list is in the quarantine table`
    : null;
}

export function importSummaryLines(result: ImportResult, sources: Record<string, SourceTotals>): string[] {
  const header = ['source', 'read', 'loaded', 'updated', 'duplicates', 'quarantined'];
  const rows = Object.entries(sources).map(([name, s]) => [
    name,
    ...[s.read, s.loaded, s.updated, s.duplicates, s.quarantined].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), ...rows.map(line)];
  for (const f of result.files)
    if (f.ignoredHeaders.length) out.push(`${f.file}: ignored columns ${f.ignoredHeaders.join(', ')}`);
  for (const f of result.skippedFiles) out.push(`${f}: skipped (not a csv, xlsx, parquet or jsonl file)`);
  if (result.quarantine.length) {
    out.push('', `Quarantined (${result.quarantineTotal} row${result.quarantineTotal > 1 ? 's' : ''}):`);
    for (const q of result.quarantine.slice(0, TEXT_QUARANTINE_LIMIT))
      out.push(`  ${q.file}:${q.row}  ${q.field || '(row)'}: ${q.reason}`);
    const listed = new Set(
      result.quarantine.slice(0, TEXT_QUARANTINE_LIMIT).map((q) => `${q.file}\u0000${q.row}`),
    ).size;
    if (result.quarantineTotal > listed)
      out.push(`  … ${result.quarantineTotal - listed} more; see the quarantine table`);
  }
  return out;
}
