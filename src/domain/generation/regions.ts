import { CITIES, type DistrictDef } from './geography.js';
import type { Rng } from './prng.js';

export interface Region {
  readonly index: number;
  readonly city: string;
  readonly cityIndex: number;
  readonly district: DistrictDef;
  /** Delivery cost per order in cents. */
  readonly deliveryCostCents: number;
  readonly competition: number;
}

/** Every served district with its delivery cost (¥8–40, higher in the outskirts) and competition index. */
export function buildRegions(rng: Rng): Region[] {
  const regions: Region[] = [];
  CITIES.forEach((city, cityIndex) => {
    for (const district of city.districts) {
      const cost = city.baseCost + 14 * district.remoteness + rng.range(-2, 6);
      const competition = 0.75 - 0.4 * district.remoteness + rng.range(-0.12, 0.12);
      regions.push({
        index: regions.length,
        city: city.name,
        cityIndex,
        district,
        deliveryCostCents: Math.round(Math.min(40, Math.max(8, cost)) * 10) * 10,
        competition: Math.round(Math.min(0.98, Math.max(0.05, competition)) * 100) / 100,
      });
    }
  });
  return regions;
}
