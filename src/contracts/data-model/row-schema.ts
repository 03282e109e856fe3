import { z } from 'zod';
import { assertUnreachable } from '../assert-unreachable.js';
import type { ColumnCheck, ColumnDef } from './column.js';
import {
  parseDate,
  parseDecimal,
  parseDouble,
  parseInteger,
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

interface ParsedField {
  text: string;
  /** Comparable magnitude for checks: the number, or epoch milliseconds for dates. */
  measure?: number;
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
    case 'timestamp':
      return mapParsed(parseTimestamp(raw, ctx.timeZone), (d) => ({ text: d.text, measure: d.utcMs }));
    default:
      return assertUnreachable(t, 'column type');
  }
}

function mapParsed<A, B>(p: Parsed<A>, f: (a: A) => B): Parsed<B> {
  return p.ok ? { ok: true, value: f(p.value) } : p;
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
      const future =
        col.type.kind === 'date'
          ? field.text > isoDateIn(ctx.timeZone, ctx.now.getTime())
          : (m ?? 0) > ctx.now.getTime();
      return future ? `${field.text} is in the future` : null;
    }
    case 'notBefore':
      return null; // cross-column: checked on the whole row
    default:
      return assertUnreachable(check, 'check');
  }
}

/** The zod schema of one source table's rows: raw header-mapped text in, canonical text out. */
export function rowSchema(table: TableDef, ctx: ValidationContext) {
  const shape: Record<string, z.ZodType<string | null>> = {};
  for (const col of table.columns) {
    shape[col.name] = z
      .union([z.string(), z.null(), z.undefined()])
      .transform((input, zctx): string | null => {
        const raw = input?.trim() ?? '';
        if (raw === '') {
          if (col.required) zctx.addIssue({ code: 'custom', message: 'is required but empty' });
          return null;
        }
        const parsed = parseField(col, raw, ctx);
        if (!parsed.ok) {
          zctx.addIssue({ code: 'custom', message: parsed.reason });
          return null;
        }
        for (const check of col.checks ?? []) {
          const problem = checkValue(col, check, parsed.value, ctx);
          if (problem) zctx.addIssue({ code: 'custom', message: problem });
        }
        return parsed.value.text;
      });
  }
  const crossChecks = table.columns.flatMap((col) =>
    (col.checks ?? []).flatMap((c) =>
      c.kind === 'notBefore' ? [{ column: col.name, other: c.column }] : [],
    ),
  );
  return z.object(shape).superRefine((row, zctx) => {
    for (const { column, other } of crossChecks) {
      const a = row[column];
      const b = row[other];
      if (a && b && a < b)
        zctx.addIssue({ code: 'custom', path: [column], message: `${a} is before ${other} ${b}` });
    }
  });
}

export interface RowIssue {
  readonly field: string;
  readonly reason: string;
}

export type RowValidator = (
  raw: Record<string, string | null | undefined>,
) => { ok: true; row: CanonicalRow } | { ok: false; issues: RowIssue[] };

export function rowValidator(table: TableDef, ctx: ValidationContext): RowValidator {
  const schema = rowSchema(table, ctx);
  const names = table.columns.map((c) => c.name);
  return (raw) => {
    const complete: Record<string, string | null | undefined> = {};
    for (const name of names) complete[name] = raw[name] ?? null;
    const result = schema.safeParse(complete);
    if (result.success) return { ok: true, row: result.data as CanonicalRow };
    return {
      ok: false,
      issues: result.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), reason: i.message })),
    };
  };
}
