import type { WeekPlan } from '../../../contracts/allocation/week-plan.js';

/** The CSV columns, in order: one row per visit and per call, in time order. */
export const VISIT_PLAN_CSV_COLUMNS = [
  'date',
  'start',
  'end',
  'rep_id',
  'customer_id',
  'name',
  'tier',
  'district',
  'address',
  'kind',
] as const;

type CsvRow = Record<(typeof VISIT_PLAN_CSV_COLUMNS)[number], string>;

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** HH:MM of a local ISO date-time such as 2026-11-23T09:30:00+08:00. */
const clock = (isoDateTime: string): string => isoDateTime.slice(11, 16);

/**
 * The plan as CSV: a UTF-8 byte order mark (so that Excel reads the Chinese right), a header line, then one line per
 * visit and call, CRLF line ends. start and end are local HH:MM on `date` (the plan's zone, Asia/Shanghai); tier is
 * the tier code (platinum…), empty for a customer without one.
 */
export function visitPlanCsv(plan: WeekPlan): string {
  const rows: (CsvRow & { at: string })[] = [
    ...plan.days.flatMap((d) => d.visits.map((v) => ({ ...v, date: d.date, kind: 'visit' as const }))),
    ...plan.calls.map((c) => ({ ...c, kind: 'call' as const })),
  ].map((r) => ({
    at: r.start,
    date: r.date,
    start: clock(r.start),
    end: clock(r.end),
    rep_id: plan.repId,
    customer_id: r.customerId,
    name: r.name,
    tier: r.tier ?? '',
    district: r.district,
    address: r.address,
    kind: r.kind,
  }));
  rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const lines = [
    VISIT_PLAN_CSV_COLUMNS.join(','),
    ...rows.map((r) => VISIT_PLAN_CSV_COLUMNS.map((c) => csvField(r[c])).join(',')),
  ];
  return `\ufeff${lines.map((l) => `${l}\r\n`).join('')}`;
}
