import { z } from 'zod';
import { assertUnreachable } from '../assert-unreachable.js';
import type { ColumnCheck, ColumnDef } from './column.js';
import {
  parseDate,
  parseDateRange,
  parseDecimal,
  parseDouble,
  parseInteger,
  parseTextList,
  parseTimestamp,
  type Parsed,
} from './field-parsers.js';
import type { TableDef } from './table.js';
import { isoDateIn } from '../time/zoned-time.js';

export interface ValidationContext {
  /** Rows dated after this instant are rejected ("a date in the future"). */
  readonly now: Date;
  /** Zone of wall-clock times that carry no offset. */
  readonly timeZone: string;
}

/** A source row in canonical text form, ready for an exact cast in the engine. */
export type CanonicalRow = Record<string, string | null>;

const BOOLEAN_WORDS: Readonly<Record<string, string>> = {
  true: 'true',
  false: 'false',
  yes: 'true',
  no: 'false',
  '1': 'true',
  '0': 'false',
  是: 'true',
  否: 'false',
};

interface ParsedField {
  text: string;
  /** Comparable magnitude for checks: the number, or epoch milliseconds for dates. */
  measure?: number;
  /** The items of a list. */
  items?: readonly string[];
}

function parseField(col: ColumnDef, raw: string, ctx: ValidationContext): Parsed<ParsedField> {
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return { ok: true, value: { text: raw } };
    case 'enum': {
      const value = t.labels[raw] ?? t.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      return value
        ? { ok: true, value: { text: value } }
        : { ok: false, reason: `"${raw}" is not one of ${t.values.join(', ')}` };
    }
    case 'int':
      return mapParsed(parseInteger(raw), (n) => ({ text: String(n), measure: n }));
    case 'money':
      return mapParsed(parseDecimal(raw, 2), (d) => ({ text: d.text, measure: d.value }));
    case 'quantity':
      return mapParsed(parseDecimal(raw, 3), (d) => ({ text: d.text, measure: d.value }));
    case 'double':
      return mapParsed(parseDouble(raw), (n) => ({ text: String(n), measure: n }));
    case 'date':
      return mapParsed(parseDate(raw), (d) => ({ text: d.text, measure: d.utcMs }));
    case 'bool': {
      const value = BOOLEAN_WORDS[raw.toLowerCase()];
      return value === undefined
        ? { ok: false, reason: `"${raw}" is not yes or no` }
        : { ok: true, value: { text: value } };
    }
    case 'text_list':
      // Canonical text of a list is its JSON array, which the dialects cast to VARCHAR[].
      return mapParsed(parseTextList(raw), (items) => ({ text: JSON.stringify(items), items }));
    case 'double_list':
      return { ok: false, reason: 'number lists are written by stratum, not imported' };
    case 'bytes':
      return { ok: false, reason: 'binary content is written by stratum, not imported' };
    case 'timestamp':
      return mapParsed(parseTimestamp(raw, ctx.timeZone), (d) => ({ text: d.text, measure: d.utcMs }));
    default:
      return assertUnreachable(t, 'column type');
  }
}

function mapParsed<A, B>(p: Parsed<A>, f: (a: A) => B): Parsed<B> {
  return p.ok ? { ok: true, value: f(p.value) } : p;
}

const todays = new WeakMap<ValidationContext, string>();

/** Today's date in the context's zone, computed once per context. */
function today(ctx: ValidationContext): string {
  let day = todays.get(ctx);
  if (day === undefined) todays.set(ctx, (day = isoDateIn(ctx.timeZone, ctx.now.getTime())));
  return day;
}

function checkValue(
  col: ColumnDef,
  check: ColumnCheck,
  field: ParsedField,
  ctx: ValidationContext,
): string | null {
  const m = field.measure;
  switch (check.kind) {
    case 'min':
      if (m === undefined) return null;
      if (check.exclusive ? m <= check.value : m < check.value)
        return check.value === 0
          ? `${field.text} is ${check.exclusive ? 'not positive' : 'negative'}`
          : `${field.text} is below ${check.value}`;
      return null;
    case 'max':
      return m !== undefined && m > check.value ? `${field.text} is above ${check.value}` : null;
    case 'notFuture': {
      // A calendar date is in the future once it is after today in the configured zone.
      const future = col.type.kind === 'date' ? field.text > today(ctx) : (m ?? 0) > ctx.now.getTime();
      return future ? `${field.text} is in the future` : null;
    }
    case 'notBefore':
    case 'rangeBy':
      return null; // cross-column: checked on the whole row
    case 'dateRanges':
      for (const item of field.items ?? []) {
        const range = parseDateRange(item);
        if (!range.ok) return range.reason;
      }
      return null;
    default:
      return assertUnreachable(check, 'check');
  }
}

/** One column's validation: raw text in, canonical text out, or the reasons it was rejected. */
type ColumnResult = { ok: true; text: string | null } | { ok: false; reasons: string[] };

function columnValidator(
  col: ColumnDef,
  ctx: ValidationContext,
): (input: string | null | undefined) => ColumnResult {
  const checks = (col.checks ?? []).filter((c) => !isCrossColumn(c));
  return (input) => {
    const raw = input?.trim() ?? '';
    if (raw === '')
      return col.required ? { ok: false, reasons: ['is required but empty'] } : { ok: true, text: null };
    const parsed = parseField(col, raw, ctx);
    if (!parsed.ok) return { ok: false, reasons: [parsed.reason] };
    if (parsed.value.items?.length === 0)
      return col.required ? { ok: false, reasons: ['is required but empty'] } : { ok: true, text: null };
    let reasons: string[] | undefined;
    for (const check of checks) {
      const problem = checkValue(col, check, parsed.value, ctx);
      if (problem) (reasons ??= []).push(problem);
    }
    return reasons ? { ok: false, reasons } : { ok: true, text: parsed.value.text };
  };
}

const isCrossColumn = (c: ColumnCheck): boolean => c.kind === 'notBefore' || c.kind === 'rangeBy';

/** A check on the canonical row: the reason it fails, or null (also when a field it reads is empty). */
type CrossCheck = { readonly column: string; readonly problem: (row: CanonicalRow) => string | null };

function crossCheck(column: string, check: ColumnCheck): CrossCheck | null {
  switch (check.kind) {
    case 'notBefore':
      return {
        column,
        problem: (row) => {
          const a = row[column];
          const b = row[check.column];
          return a && b && a < b ? `${a} is before ${check.column} ${b}` : null;
        },
      };
    case 'rangeBy':
      return {
        column,
        problem: (row) => {
          const value = row[column];
          const by = row[check.column];
          const range = by ? check.ranges[by] : undefined;
          if (!value || !range) return null;
          const [min, max] = range;
          const x = Number(value);
          return x < min || x > max ? `${value} is outside ${min}–${max} for ${check.column} ${by}` : null;
        },
      };
    default:
      return null;
  }
}

function crossChecksOf(table: TableDef): CrossCheck[] {
  return table.columns.flatMap((col) =>
    (col.checks ?? []).flatMap((c) => {
      const check = crossCheck(col.name, c);
      return check ? [check] : [];
    }),
  );
}

/**
 * The zod schema of one source table's rows: raw header-mapped text in, canonical text out. Used where rows
 * arrive one at a time (API, events); bulk import runs the same column validators through `rowValidator`.
 */
export function rowSchema(table: TableDef, ctx: ValidationContext) {
  const shape: Record<string, z.ZodType<string | null>> = {};
  for (const col of table.columns) {
    const validate = columnValidator(col, ctx);
    shape[col.name] = z
      .union([z.string(), z.null(), z.undefined()])
      .transform((input, zctx): string | null => {
        const result = validate(input);
        if (result.ok) return result.text;
        for (const message of result.reasons) zctx.addIssue({ code: 'custom', message });
        return null;
      });
  }
  const crossChecks = crossChecksOf(table);
  return z.object(shape).superRefine(
    (row, zctx) => {
      for (const { column, problem } of crossChecks) {
        const message = problem(row);
        if (message) zctx.addIssue({ code: 'custom', path: [column], message });
      }
      // `when`: run even after a field failed, so that every fault of the row is reported, as in rowValidator.
    },
    { when: () => true },
  );
}

export interface RowIssue {
  readonly field: string;
  readonly reason: string;
}

export type RowValidator = (
  raw: Record<string, string | null | undefined>,
) => { ok: true; row: CanonicalRow } | { ok: false; issues: RowIssue[] };

/**
 * The bulk form of `rowSchema`: the same column validators and cross-column checks in a plain loop. zod's object
 * machinery costs about 11 µs a row, three quarters of validation time, and imports validate millions of rows;
 * a test asserts both forms agree.
 */
export function rowValidator(table: TableDef, ctx: ValidationContext): RowValidator {
  const columns = table.columns.map((col) => ({ name: col.name, validate: columnValidator(col, ctx) }));
  const crossChecks = crossChecksOf(table);
  return (raw) => {
    const row: CanonicalRow = {};
    let issues: RowIssue[] | undefined;
    for (const { name, validate } of columns) {
      const result = validate(raw[name]);
      if (result.ok) row[name] = result.text;
      else {
        row[name] = null;
        for (const reason of result.reasons) (issues ??= []).push({ field: name, reason });
      }
    }
    for (const { column, problem } of crossChecks) {
      const reason = problem(row);
      if (reason) (issues ??= []).push({ field: column, reason });
    }
    return issues ? { ok: false, issues } : { ok: true, row };
  };
}
