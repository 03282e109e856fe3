import type { Pilot, TieringConfig } from '../../contracts/tiering/config.js';

/** Which customers a pilot takes: those of some cities, or those an experiment assigned to one variant. */
export type PilotSelector =
  | { readonly kind: 'cities'; readonly cities: readonly string[] }
  | { readonly kind: 'experiment'; readonly name: string; readonly variant: string };

/**
 * The customers one configuration tiers within a run: a pilot's (those its selector takes and no earlier pilot
 * took: pilots take precedence in configuration order), or the national segment (pilot null: everyone no pilot
 * takes, customers without a city included). Quotas, percentile ranks and hysteresis apply within a segment, so a
 * pilot's Platinum are the top 5 % of its own customers.
 */
export interface TieringSegment {
  readonly pilot: string | null;
  /** The pilot's selector; null for the national segment. */
  readonly selector: PilotSelector | null;
  /** The selectors of the pilots before this one (for the national segment: every pilot's). */
  readonly excluded: readonly PilotSelector[];
  /** The segment's effective configuration (without pilots). */
  readonly config: TieringConfig;
}

export function pilotSelector(pilot: Pilot): PilotSelector {
  if (pilot.experiment) return { kind: 'experiment', ...pilot.experiment };
  return { kind: 'cities', cities: pilot.cities ?? [] };
}

function pilotConfig(national: TieringConfig, pilot: Pilot): TieringConfig {
  return {
    ...national,
    models: pilot.models ?? national.models,
    primaryModel: pilot.primaryModel ?? national.primaryModel,
    tiers: pilot.tiers ?? national.tiers,
    tags: pilot.tags ?? national.tags,
    policies: pilot.policies ?? national.policies,
    pilots: [],
  };
}

/** The national segment first, then one per pilot in configuration order. */
export function tieringSegments(config: TieringConfig): TieringSegment[] {
  const selectors = config.pilots.map(pilotSelector);
  return [
    { pilot: null, selector: null, excluded: selectors, config: { ...config, pilots: [] } },
    ...config.pilots.map((p, i) => ({
      pilot: p.name,
      selector: selectors[i]!,
      excluded: selectors.slice(0, i),
      config: pilotConfig(config, p),
    })),
  ];
}

/** The effective configuration of a segment by pilot name (null: national). */
export function segmentConfig(config: TieringConfig, pilot: string | null): TieringConfig {
  const segment = tieringSegments(config).find((s) => s.pilot === pilot);
  if (!segment) throw new Error(`the configuration has no pilot "${pilot}"`);
  return segment.config;
}

/**
 * The pilot of a customer the run did not tier (new since): the first pilot of its city, or null. Experiment
 * pilots never take one, since an experiment's assignment was frozen before the customer existed.
 */
export function pilotOfCity(config: TieringConfig, city: string | null): string | null {
  if (city === null) return null;
  return config.pilots.find((p) => p.cities?.includes(city))?.name ?? null;
}
