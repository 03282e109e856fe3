import { DayFormatter, dayOf, periodStart } from './calendar.js';
import { citySelection, seedKeys, type GenerationSpec } from './generation-spec.js';
import { CITIES } from './geography.js';
import { CUSTOMERS_PER_REP, planSalesForce, type SalesForce } from './owners.js';
import { planPopulation, type Plan } from './plan.js';
import { Rng, STREAM } from './prng.js';
import { buildRegions, type Region } from './regions.js';
import { planRepProfiles, type RepProfile } from './rep-profiles.js';
import { seasonCurve, type SeasonProfile } from './seasonality.js';

/** Everything shared by all customers of one dataset; rebuilt identically by every worker from the spec. */
export interface World {
  readonly spec: GenerationSpec;
  readonly seed: readonly [number, number];
  readonly startDay: number;
  readonly endDay: number;
  readonly regions: readonly Region[];
  /** Whether each city (by index into CITIES) gets customers (spec.cities). */
  readonly cities: readonly boolean[];
  readonly plan: Plan;
  /** Sales reps by city team, who own the customers (customer_owners). */
  readonly salesForce: SalesForce;
  /** Every rep's role, territory, skills, capacity and leave (reps.csv), in rep order. */
  readonly repProfiles: readonly RepProfile[];
  readonly days: DayFormatter;
  readonly seasons: Readonly<Record<SeasonProfile, Float64Array>>;
}

export function buildWorld(spec: GenerationSpec): World {
  const seed = seedKeys(spec.seed);
  const endDay = dayOf(spec.end);
  const startDay = periodStart(endDay, spec.months);
  const regions = buildRegions(new Rng(...seed, STREAM.regions));
  const cities = citySelection(spec);
  const plan = planPopulation(
    spec.customers,
    { startDay, endDay },
    regions,
    new Rng(...seed, STREAM.plan),
    CITIES.map((c, i) => (cities[i] ? c.weight : 0)),
  );
  const salesForce = planSalesForce(plan, regions, new Rng(...seed, STREAM.owners), {
    customersPerRep: spec.customersPerRep ?? CUSTOMERS_PER_REP,
    cities,
  });
  const repProfiles = planRepProfiles({ seed, endDay, regions, plan, salesForce });
  return {
    spec,
    seed,
    startDay,
    endDay,
    regions,
    cities,
    plan,
    salesForce,
    repProfiles,
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
