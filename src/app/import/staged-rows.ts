import type { RowIssue, RowValidator } from '../../contracts/data-model/row-schema.js';
import type { TextRow } from '../../engines/engine.js';
import type { HeaderMapping } from './header-mapping.js';
import type { SourceRecord } from './readers/source-reader.js';

export interface StageCounters {
  read: number;
  /** Rows rejected by the validators or unreadable as a row. */
  rejected: number;
}

/** One reason per field (the quarantine key is import, row, field). */
function issuesByField(issues: readonly RowIssue[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const { field, reason } of issues) {
    const known = byField.get(field);
    byField.set(field, known ? `${known}; ${reason}` : reason);
  }
  return byField;
}

/**
 * Source records → staging rows `[row, field, reason, raw, ...columns]`: a valid row once with its canonical
 * values, a rejected row once per faulty field with its reason. Counts as it goes.
 */
export async function* stagedRows(
  records: AsyncIterable<SourceRecord>,
  mapping: HeaderMapping,
  validate: RowValidator,
  counters: StageCounters,
): AsyncIterable<TextRow> {
  const columns = mapping.columns;
  const n = columns.length;
  const names = columns.map((c) => c.column.name);
  const headers = columns.map((c) => c.header);
  for await (const { rowNumber, record, problem } of records) {
    counters.read++;
    const raw = JSON.stringify(record);
    const row = String(rowNumber);
    if (problem !== undefined) {
      counters.rejected++;
      yield rejected(row, '', problem, raw, n);
      continue;
    }
    const input: Record<string, string | null> = {};
    for (let i = 0; i < n; i++) input[names[i]!] = record[headers[i]!] ?? null;
    const result = validate(input);
    if (result.ok) {
      const out: (string | null)[] = [row, null, null, raw];
      for (let i = 0; i < n; i++) out.push(result.row[names[i]!] ?? null);
      yield out;
    } else {
      counters.rejected++;
      for (const [field, reason] of issuesByField(result.issues)) yield rejected(row, field, reason, raw, n);
    }
  }
}

function rejected(row: string, field: string, reason: string, raw: string, width: number): TextRow {
  const out: (string | null)[] = [row, field, reason, raw];
  for (let i = 0; i < width; i++) out.push(null);
  return out;
}
