import type {
  ExperimentMetric,
  RandomisationUnit,
  Stratum,
} from '../../../src/contracts/experiments/experiment-spec';
import type { Tier } from '../../../src/contracts/tiering/tiers';

/** A variant as typed into the form: numbers stay text until sent. */
export interface VariantDraft {
  readonly name: string;
  readonly extraRebatePct: string;
  readonly extraVisitsPerMonth: string;
}

/** The create form's state. */
export interface ExperimentDraft {
  readonly name: string;
  readonly tiers: readonly Tier[];
  /** Free text, comma separated (also ， and 、). */
  readonly cities: string;
  readonly unit: RandomisationUnit;
  readonly strata: readonly Stratum[];
  /** The first is the control. */
  readonly variants: readonly VariantDraft[];
  readonly start: string;
  readonly preDays: string;
  readonly primaryMetric: ExperimentMetric;
}

export const emptyVariant = (name: string): VariantDraft => ({
  name,
  extraRebatePct: '0',
  extraVisitsPerMonth: '0',
});

export const initialDraft = (): ExperimentDraft => ({
  name: '',
  tiers: [],
  cities: '',
  unit: 'customer',
  strata: ['tier', 'city'],
  variants: [emptyVariant('control'), emptyVariant('treatment')],
  start: '',
  preDays: '90',
  primaryMetric: 'gmv',
});

export const splitCities = (text: string): string[] =>
  text
    .split(/[,，、]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');

/** A number field: left out when empty (the server's default), a number when it is one, else as typed. */
const numberField = (text: string): number | string | undefined => {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
};

/**
 * The spec to POST (ExperimentSpecSchema). Nothing is validated here: the server's answer names the field that is
 * wrong, so the form and the CLI's spec files obey the same rules.
 */
export function specBody(d: ExperimentDraft): Record<string, unknown> {
  const cities = splitCities(d.cities);
  return {
    name: d.name,
    population: {
      ...(d.tiers.length > 0 ? { tiers: d.tiers } : {}),
      ...(cities.length > 0 ? { cities } : {}),
    },
    unit: d.unit,
    strata: d.strata,
    variants: d.variants.map((v) => ({
      name: v.name,
      extraRebatePct: numberField(v.extraRebatePct),
      extraVisitsPerMonth: numberField(v.extraVisitsPerMonth),
    })),
    start: d.start,
    preDays: numberField(d.preDays),
    primaryMetric: d.primaryMetric,
  };
}
