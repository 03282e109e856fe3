import { z } from 'zod';
import { parseArgument, stratumError } from '../../contracts/errors.js';
import {
  COMPLAINT_LOOKBACK_DAYS,
  SatisfactionGroupingSchema,
  type Satisfaction,
  type SatisfactionGroup,
  type SatisfactionMetrics,
} from '../../contracts/insights/satisfaction.js';
import { TIERS } from '../../contracts/tiering/tiers.js';
import { addDays, IsoDateSchema } from '../../contracts/time/iso-date.js';
import { maskName } from '../../domain/access/masking.js';
import type { Engine, Row } from '../../engines/engine.js';
import { latestResponseDaySql, satisfactionSql } from '../../sql/satisfaction/satisfaction-sql.js';
import { monthOfKey, monthsBack, monthsBetween } from './satisfaction-months.js';

/** Calendar months of the default range, ending with the month of the latest answer. */
const DEFAULT_MONTHS = 12;

const SatisfactionRequestSchema = z.object({
  by: SatisfactionGroupingSchema.default('tier'),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Whether rep names are shown unmasked (personal.read). */
  personalVisible: z.boolean().default(false),
});
export type SatisfactionRequest = z.input<typeof SatisfactionRequestSchema>;

function metricsOf(r: Row): SatisfactionMetrics {
  const n = (v: unknown) => Number(v ?? 0);
  const npsResponses = n(r.nps_responses);
  const promoters = n(r.promoters);
  const detractors = n(r.detractors);
  const csatResponses = n(r.csat_responses);
  return {
    responses: n(r.responses),
    customers: n(r.customers),
    npsResponses,
    promoters,
    passives: n(r.passives),
    detractors,
    nps: npsResponses === 0 ? null : (100 * (promoters - detractors)) / npsResponses,
    csatResponses,
    csatMean: csatResponses === 0 ? null : n(r.csat_sum) / csatResponses,
  };
}

const emptyMetrics = (): SatisfactionMetrics => metricsOf({});

const tierRank = (key: string | null) => {
  const i = TIERS.indexOf(key as (typeof TIERS)[number]);
  return i < 0 ? TIERS.length : i;
};

/**
 * NPS, CSAT and answer counts from the survey responses of a date range (default: the DEFAULT_MONTHS calendar
 * months up to the latest answer), overall, by tier, city or account manager, by month, and for answers with and
 * without a recent complaint; aggregated in the engine (satisfactionSql). Rep names are masked unless
 * `personalVisible`.
 */
export async function loadSatisfaction(engine: Engine, request: SatisfactionRequest): Promise<Satisfaction> {
  const r = parseArgument(SatisfactionRequestSchema, request, 'satisfaction option');
  const d = engine.dialect;
  const to = r.to ?? String((await engine.read(latestResponseDaySql(d)))[0]?.day);
  const from = r.from ?? monthsBack(to, DEFAULT_MONTHS);
  if (from > to)
    throw stratumError('INVALID_ARGUMENT', `invalid satisfaction option from: ${from} is after to ${to}`, {
      field: 'from',
    });
  const rows = await engine.read(satisfactionSql(d, r.by, from, addDays(to, 1)));
  const label = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    return r.personalVisible || r.by !== 'rep' ? String(v) : maskName(String(v));
  };
  const key = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const of = (part: string) => rows.filter((x) => x.part === part);

  const groups: SatisfactionGroup[] = of('group')
    .map((x) => ({ key: key(x.group_key), label: label(x.group_label), ...metricsOf(x) }))
    .sort((a, b) =>
      r.by === 'tier'
        ? tierRank(a.key) - tierRank(b.key)
        : b.responses - a.responses || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
    );
  const groupOrder = new Map(groups.map((g, i) => [g.key, i]));
  const byMonth = new Map(of('month').map((x) => [monthOfKey(Number(x.month_key)), metricsOf(x)]));
  const complaint = (flag: string) => {
    const row = of('complaint').find((x) => x.group_key === flag);
    return row ? metricsOf(row) : emptyMetrics();
  };
  const overall = of('overall')[0];
  return {
    by: r.by,
    from,
    to,
    overall: overall ? metricsOf(overall) : emptyMetrics(),
    groups,
    months: monthsBetween(from, to).map((month) => ({ month, ...(byMonth.get(month) ?? emptyMetrics()) })),
    groupMonths: of('group_month')
      .map((x) => ({
        key: key(x.group_key),
        label: label(x.group_label),
        month: monthOfKey(Number(x.month_key)),
        ...metricsOf(x),
      }))
      .sort(
        (a, b) =>
          (groupOrder.get(a.key) ?? 0) - (groupOrder.get(b.key) ?? 0) || a.month.localeCompare(b.month),
      ),
    complaints: {
      lookbackDays: COMPLAINT_LOOKBACK_DAYS,
      withComplaints: complaint('1'),
      withoutComplaints: complaint('0'),
    },
  };
}
