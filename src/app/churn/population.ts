import type { ChurnPopulation } from '../../contracts/churn/model.js';

/**
 * Defaults: churned = no completed order in the 60 days after the as-of date (restaurants restock weekly to
 * monthly, so two months without an order is a lost account for a distributor, and it is a horizon a sales team
 * can still act on); active = an order in the long window; the tiering's default feature windows.
 */
export const DEFAULT_CHURN_POPULATION: ChurnPopulation = {
  windowDays: 60,
  activeDays: 365,
  longDays: 365,
  shortDays: 90,
};

/** Training as-of dates per model, and the days between them. */
export const DEFAULT_TRAINING_DATES = 4;
export const DEFAULT_SPACING_DAYS = 28;
