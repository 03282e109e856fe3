import { DayFormatter, dayOf, periodStart } from './calendar.js';
import { seedKeys, type GenerationSpec } from './generation-spec.js';
import { planSalesForce, type SalesForce } from './owners.js';
import { planPopulation, type Plan } from './plan.js';
import { Rng, STREAM } from './prng.js';
import { buildRegions, type Region } from './regions.js';
import { seasonCurve, type SeasonProfile } from './seasonality.js';

/** Everything shared by all customers of one dataset; rebuilt identically by every worker from the spec. */
export interface World {
  readonly spec: GenerationSpec;
  readonly seed: readonly [number, number];
  readonly startDay: number;
  readonly endDay: number;
  readonly regions: readonly Region[];
  readonly plan: Plan;
  /** Sales reps by city team, who own the customers (customer_owners). */
  readonly salesForce: SalesForce;
  readonly days: DayFormatter;
  readonly seasons: Readonly<Record<SeasonProfile, Float64Array>>;
}

export function buildWorld(spec: GenerationSpec): World {
  const seed = seedKeys(spec.seed);
  const endDay = dayOf(spec.end);
  const startDay = periodStart(endDay, spec.months);
  const regions = buildRegions(new Rng(...seed, STREAM.regions));
  const plan = planPopulation(spec.customers, { startDay, endDay }, regions, new Rng(...seed, STREAM.plan));
  const salesForce = planSalesForce(plan, regions, new Rng(...seed, STREAM.owners));
  return {
    spec,
    seed,
    startDay,
    endDay,
    regions,
    plan,
    salesForce,
    // Creation dates reach back about five years; contracts and due dates run up to two years ahead.
    days: new DayFormatter(startDay - 2200, endDay + 800),
    seasons: {
      neutral: seasonCurve('neutral', startDay, endDay),
      summer: seasonCurve('summer', startDay, endDay),
      winter: seasonCurve('winter', startDay, endDay),
    },
  };
}

/** The random stream of one purpose for one customer slot. */
export function streamOf(world: World, purpose: number, index: number): Rng {
  return new Rng(world.seed[0], world.seed[1], purpose, index);
}
