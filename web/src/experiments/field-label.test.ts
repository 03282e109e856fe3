import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { fieldLabel } from './field-label';

const t = (key: MessageKey, vars: Record<string, string | number> = {}) =>
  Object.entries(vars).reduce<string>((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), MESSAGES.en[key]);

describe('the form label of a field the API names', () => {
  it('names top-level fields and each variant’s fields as the form shows them', () => {
    expect(fieldLabel('body.start', t)).toBe('Start');
    expect(fieldLabel('body.population.cities', t)).toBe('Cities (comma separated, empty: all)');
    expect(fieldLabel('body.variants.0.name', t)).toBe('Control · Variant name');
    expect(fieldLabel('body.variants.2.extraRebatePct', t)).toBe('Treatment 2 · Extra rebate (%)');
    expect(fieldLabel('variants', t)).toBe('Variants');
  });

  it('keeps the path of a field the form does not show', () => {
    expect(fieldLabel('body.costPerVisit', t)).toBe('costPerVisit');
    expect(fieldLabel('body', t)).toBe('Experiment spec');
  });
});
