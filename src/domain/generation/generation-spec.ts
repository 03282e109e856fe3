import { CITIES } from './geography.js';

/** What one generated dataset is a function of: identical specs give identical bytes. */
export interface GenerationSpec {
  readonly customers: number;
  readonly seed: number;
  readonly months: number;
  /** Last day of the history (YYYY-MM-DD, Asia/Shanghai). */
  readonly end: string;
  /** About one rep per this many real customers of a city (default CUSTOMERS_PER_REP, 200). */
  readonly customersPerRep?: number;
  /** Names of the cities customers are generated in (default: all of CITIES). */
  readonly cities?: readonly string[];
}

/** The two 32-bit halves of the seed, the first keys of every random stream. */
export function seedKeys(seed: number): [number, number] {
  return [(seed % 4294967296) | 0, Math.floor(seed / 4294967296) | 0];
}

export const CITY_NAMES: readonly string[] = CITIES.map((c) => c.name);

/** Whether each city of CITIES (by index) gets customers; every city when the spec names none. */
export function citySelection(spec: Pick<GenerationSpec, 'cities'>): boolean[] {
  const names = spec.cities;
  if (names === undefined || names.length === 0) return CITIES.map(() => true);
  const unknown = names.filter((n) => !CITY_NAMES.includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown cities ${unknown.join(', ')} (known: ${CITY_NAMES.join(', ')})`);
  return CITIES.map((c) => names.includes(c.name));
}
