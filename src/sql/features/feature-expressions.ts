import type { FeatureName } from '../../contracts/tiering/features.js';
import { double, type FeatureContext } from './context.js';
import { FREQUENCY_PERIOD_DAYS, GROWTH_MIN_BASE } from '../../contracts/tiering/feature-params.js';

/**
 * Each feature as an expression over one row of combined parts (alias `u`: a customer's customer_parts, or a
 * chain's sums of them), cast to DOUBLE PRECISION. A ratio is NULL when its denominator is 0 or NULL. The
 * Record type makes the compiler check that every catalogue feature is defined.
 */
export function featureExpressions(c: FeatureContext): Record<FeatureName, string> {
  const { d, params, windows: w } = c;
  const f = (expr: string) => double(d, expr);
  const ratio = (num: string, den: string) => `${f(num)} / NULLIF(${f(den)}, 0)`;
  const asOf = c.day(w.asOf);
  return {
    recency_days: f(d.daysBetween('u.last_day', asOf)),
    orders: f('u.orders_long'),
    orders_recent: f('u.orders_short'),
    frequency: `${f('u.orders_long')} * ${FREQUENCY_PERIOD_DAYS} / ${params.longDays}`,
    monetary: f('u.gross_long - u.refunded_long'),
    monetary_recent: f('u.net_short'),
    margin: f('u.margin_long'),
    aov: ratio('u.gross_long', 'u.orders_long'),
    repurchase_rate: ratio('u.repeat_hits', 'u.repeat_base'),
    return_rate: ratio('u.refunded_long', 'u.gross_long'),
    tenure_days: f(d.daysBetween('u.first_created', asOf)),
    contract_amount: f('u.contract_amount'),
    contract_fulfilment: ratio('u.contract_purchases', 'u.contract_expected'),
    growth: `CASE WHEN u.net_previous >= ${GROWTH_MIN_BASE} THEN ${f('u.net_short')} / ${f('u.net_previous')} - 1 END`,
    on_time_payment_rate: ratio('u.invoices_on_time', 'u.invoices_due'),
    days_past_due: f(`COALESCE(${d.daysBetween('u.oldest_overdue_due', asOf)}, 0)`),
    overdue_amount: f('u.overdue_amount'),
    complaint_rate: `100 * ${ratio('u.complaints_long', 'u.orders_long')}`,
    severe_complaints: f('u.severe_long'),
    disputes_open: f('u.disputes_open'),
    disputes: f('u.disputes_long'),
    credit_score: f('u.credit_score'),
    seats: f('u.seats'),
    stores: f('u.stores'),
    delivery_cost: f('u.delivery_cost'),
    competition_index: f('u.competition_index'),
    last_nps: f('u.last_nps'),
    last_nps_days: f(d.daysBetween('u.last_nps_day', asOf)),
    last_csat: f('u.last_csat'),
    last_csat_days: f(d.daysBetween('u.last_csat_day', asOf)),
    // Model outputs, filled after this statement when the configuration reads them (src/app/tiering/model-outputs.ts).
    predicted_margin: 'CAST(NULL AS DOUBLE PRECISION)',
    churn_probability: 'CAST(NULL AS DOUBLE PRECISION)',
  };
}
