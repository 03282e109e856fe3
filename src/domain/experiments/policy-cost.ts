import type { Variant } from '../../contracts/experiments/experiment-spec.js';

/** The mean month of the Gregorian calendar, in days. */
export const DAYS_PER_MONTH = 30.4375;

/** The treated customers of a variant over the post-period, as its policy cost is counted. */
export interface TreatedPeriod {
  readonly customers: number;
  /** Their net purchases in the post-period, yuan. */
  readonly gmv: number;
  readonly days: number;
  /** Yuan per visit. */
  readonly costPerVisit: number;
}

/** What a variant's policy change costs over the post-period: its extra rebate on the GMV and its extra visits. */
export function policyCost(
  variant: Pick<Variant, 'extraRebatePct' | 'extraVisitsPerMonth'>,
  t: TreatedPeriod,
): number {
  const months = t.days / DAYS_PER_MONTH;
  return (
    (variant.extraRebatePct / 100) * t.gmv +
    variant.extraVisitsPerMonth * months * t.costPerVisit * t.customers
  );
}
