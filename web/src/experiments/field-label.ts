import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const TOP: Readonly<Record<string, MessageKey>> = {
  name: 'experiments.form.name',
  population: 'experiments.form.population',
  'population.tiers': 'experiments.form.tiers',
  'population.cities': 'experiments.form.cities',
  unit: 'experiments.form.unit',
  strata: 'experiments.form.strata',
  variants: 'experiments.form.variants',
  start: 'experiments.form.start',
  preDays: 'experiments.form.preDays',
  primaryMetric: 'experiments.form.primaryMetric',
};

const VARIANT: Readonly<Record<string, MessageKey>> = {
  name: 'experiments.form.variantName',
  extraRebatePct: 'experiments.form.extraRebatePct',
  extraVisitsPerMonth: 'experiments.form.extraVisitsPerMonth',
};

/** A variant's legend: the control first, then the treatments numbered from 1. */
export const variantLegend = (index: number, t: T): string =>
  index === 0 ? t('experiments.form.control') : t('experiments.form.treatment', { n: index });

/**
 * The form's label of a field the API names (`body.variants.1.extraRebatePct` → "Treatment 1 · Extra rebate %");
 * a field the form does not show keeps its path.
 */
export function fieldLabel(field: string, t: T): string {
  const path = field.replace(/^body\.?/, '');
  const top = TOP[path];
  if (top) return t(top);
  const v = /^variants\.(\d+)(?:\.(\w+))?/.exec(path);
  if (v) {
    const legend = variantLegend(Number(v[1]), t);
    const key = v[2] ? VARIANT[v[2]] : undefined;
    return key ? `${legend} · ${t(key)}` : legend;
  }
  return path || t('experiments.form.spec');
}
