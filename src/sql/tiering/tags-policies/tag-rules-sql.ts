import { assertUnreachable } from '../../../contracts/assert-unreachable.js';
import type { TagRule, TieringConfig } from '../../../contracts/tiering/config.js';
import { TIERS } from '../../../contracts/tiering/tiers.js';
import type { Dialect } from '../../dialects/dialect.js';
import { concat, fmtDecimal1, fmtInt, fmtPercent, jsInt, num, plural, rating } from './sql-text.js';

type Windows = TieringConfig['windows'];

/** A rule as SQL over the columns of the `figures` CTE: when it fires and its English reason. */
export interface RuleSql {
  readonly when: string;
  readonly reason: string;
}

/** Feature columns are read as f_<name>; churn figures as c_<name> (see tagsPoliciesSql). */
const f = (name: string) => `f_${name}`;
const fired = (cond: string) => `COALESCE(${cond}, FALSE)`;

function highPotential(d: Dialect, r: Extract<TagRule, { kind: 'high_potential' }>, w: Windows): RuleSql {
  const eligible = TIERS.slice(TIERS.indexOf(r.maxTier)).map((t) => `'${t}'`);
  const days = String(w.shortDays);
  return {
    when: fired(
      `(tier IS NULL OR tier IN (${eligible.join(', ')})) AND ${f('growth')} >= ${num(d, r.minGrowth)}` +
        ` AND ${f('orders_recent')} >= ${num(d, r.minOrdersRecent)}`,
    ),
    reason: concat([
      'purchases up ',
      { sql: fmtPercent(f('growth')) },
      ` % on the previous ${days} days, `,
      { sql: fmtInt(f('orders_recent')) },
      ` orders in the last ${days} days`,
    ]),
  };
}

function highRisk(d: Dialect, r: Extract<TagRule, { kind: 'high_risk' }>, w: Windows): RuleSql {
  const signals: { when: string; text: string }[] = [
    {
      when: `${f('on_time_payment_rate')} <= ${num(d, r.maxOnTimePaymentRate)}`,
      text: concat([
        'paid ',
        { sql: fmtPercent(f('on_time_payment_rate')) },
        ` % of invoices on time (limit ${jsInt(r.maxOnTimePaymentRate * 100)} %)`,
      ]),
    },
    {
      when: `${f('days_past_due')} >= ${num(d, r.minDaysPastDue)}`,
      text: concat(['oldest unpaid invoice ', { sql: fmtInt(f('days_past_due')) }, ' days past due']),
    },
    {
      when: `${f('disputes_open')} >= ${num(d, r.minOpenDisputes)}`,
      text: concat([
        { sql: fmtInt(f('disputes_open')) },
        ' open legal ',
        { sql: plural(f('disputes_open'), 'dispute', 'disputes') },
      ]),
    },
    {
      when: `${f('severe_complaints')} >= ${num(d, r.minSevereComplaints)}`,
      text: concat([
        { sql: fmtInt(f('severe_complaints')) },
        ' severe ',
        { sql: plural(f('severe_complaints'), 'complaint', 'complaints') },
        ` in ${String(w.longDays)} days`,
      ]),
    },
    {
      when: `${f('credit_score')} <= ${num(d, r.maxCreditScore)}`,
      text: concat([
        'credit rating ',
        { sql: rating(f('credit_score')) },
        ' (score ',
        { sql: fmtInt(f('credit_score')) },
        ' of 9)',
      ]),
    },
  ];
  return {
    when: signals.map((s) => fired(s.when)).join(' OR '),
    reason: `concat_ws('; ', ${signals.map((s) => `CASE WHEN ${fired(s.when)} THEN ${s.text} END`).join(', ')})`,
  };
}

function churnWarning(d: Dialect, r: Extract<TagRule, { kind: 'churn_warning' }>): RuleSql {
  const eligible = `${f('orders')} >= ${num(d, r.minOrders)} AND ${f('recency_days')} IS NOT NULL AND ${f('orders')} > 0`;
  const gap = fired(
    `${eligible} AND ${f('recency_days')} >= GREATEST(${num(d, r.minGapDays)}, ${num(d, r.gapFactor)} * c_usual_interval)`,
  );
  const drop = fired(
    `${eligible} AND ${f('orders_recent')} IS NOT NULL AND c_recent_rate < ${num(d, r.frequencyDropTo)} * c_long_rate`,
  );
  const gapText = concat([
    'no order for ',
    { sql: fmtInt(f('recency_days')) },
    ' days, ',
    { sql: fmtDecimal1(`${f('recency_days')} / c_usual_interval`) },
    '× the usual ',
    { sql: fmtInt('c_usual_interval') },
    '-day interval',
  ]);
  const dropText = concat([
    'only ',
    { sql: fmtInt(f('orders_recent')) },
    ' orders in the last ',
    { sql: fmtInt('c_recent_span') },
    ' days, ',
    { sql: fmtPercent('c_recent_rate / c_long_rate') },
    ' % of the usual rate (',
    { sql: fmtInt('c_long_rate * c_recent_span') },
    ' expected)',
  ]);
  // The saved model's part (src/domain/tiering/tags/churn-warning.ts), once the run has resolved minProbability.
  const min = r.model?.minProbability;
  const model = min === undefined ? 'FALSE' : fired(`${f('churn_probability')} >= ${num(d, min)}`);
  const modelText = concat([
    'churn model: ',
    { sql: fmtPercent(f('churn_probability')) },
    ' % probability of no order (threshold ',
    { sql: fmtPercent(num(d, min ?? 0)) },
    ' %)',
  ]);
  return {
    when: `(${gap} OR ${drop} OR ${model})`,
    reason: `concat_ws('; ', CASE WHEN ${gap} THEN ${gapText} END, CASE WHEN ${drop} THEN ${dropText} END, CASE WHEN ${model} THEN ${modelText} END)`,
  };
}

/** The detractor rule of src/domain/tiering/tags/detractor.ts: a low latest NPS or CSAT within the window. */
function detractor(d: Dialect, r: Extract<TagRule, { kind: 'detractor' }>): RuleSql {
  const low = (score: string, days: string, max: number) =>
    fired(`${f(days)} <= ${num(d, r.withinDays)} AND ${f(score)} <= ${num(d, max)}`);
  const nps = low('last_nps', 'last_nps_days', r.maxScore);
  const csat = low('last_csat', 'last_csat_days', r.maxCsat);
  const npsText = concat([
    'NPS ',
    { sql: fmtInt(f('last_nps')) },
    ' of 10 given ',
    { sql: fmtInt(f('last_nps_days')) },
    ` days ago (detractor at ${String(r.maxScore)} or less)`,
  ]);
  const csatText = concat([
    'satisfaction ',
    { sql: fmtInt(f('last_csat')) },
    ' of 5 given ',
    { sql: fmtInt(f('last_csat_days')) },
    ` days ago (limit ${String(r.maxCsat)})`,
  ]);
  return {
    when: `(${nps} OR ${csat})`,
    reason: `concat_ws('; ', CASE WHEN ${nps} THEN ${npsText} END, CASE WHEN ${csat} THEN ${csatText} END)`,
  };
}

export function ruleSql(d: Dialect, rule: TagRule, w: Windows): RuleSql {
  switch (rule.kind) {
    case 'high_potential':
      return highPotential(d, rule, w);
    case 'high_risk':
      return highRisk(d, rule, w);
    case 'churn_warning':
      return churnWarning(d, rule);
    case 'detractor':
      return detractor(d, rule);
    default:
      return assertUnreachable(rule, 'tag rule');
  }
}

/**
 * The churn figures of src/domain/tiering/tags/churn-warning.ts, with the same operations in the same order:
 * the observed span (long window, or the tenure when shorter, at least one day), the recent span, the usual
 * interval between orders and the two rates. Columns c_span, c_recent_span, c_usual_interval, c_recent_rate,
 * c_long_rate; NULL without orders.
 */
export function churnFiguresSql(d: Dialect, w: Windows): string {
  const span = `LEAST(${num(d, w.longDays)}, GREATEST(COALESCE(${f('tenure_days')}, ${num(d, w.longDays)}), ${num(d, 1)}))`;
  const recentSpan = `LEAST(${num(d, w.shortDays)}, ${span})`;
  const hasOrders = `${f('orders')} > 0`;
  return [
    `${span} AS c_span`,
    `${recentSpan} AS c_recent_span`,
    `CASE WHEN ${hasOrders} THEN ${span} / ${f('orders')} END AS c_usual_interval`,
    `CASE WHEN ${hasOrders} THEN COALESCE(${f('orders_recent')}, ${num(d, 0)}) / ${recentSpan} END AS c_recent_rate`,
    `CASE WHEN ${hasOrders} THEN ${f('orders')} / ${span} END AS c_long_rate`,
  ].join(',\n    ');
}
