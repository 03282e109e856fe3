import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema } from '../../../src/contracts/experiments/experiment-spec';
import { emptyVariant, initialDraft, specBody, splitCities } from './draft';

describe('the create form as a spec', () => {
  it('splits cities on ASCII and Chinese commas and drops blanks', () => {
    expect(splitCities(' 成都, 杭州，上海、 ,')).toEqual(['成都', '杭州', '上海']);
  });

  it('builds a spec the server accepts, empty population and number fields left to its defaults', () => {
    const body = specBody({
      ...initialDraft(),
      name: 'Gold rebate',
      tiers: ['gold'],
      start: '2025-05-06',
      preDays: '',
      variants: [emptyVariant('control'), { name: 'rebate', extraRebatePct: '1.5', extraVisitsPerMonth: '' }],
    });
    const spec = ExperimentSpecSchema.parse(body);
    expect(spec.population).toEqual({ tiers: ['gold'] });
    expect(spec.preDays).toBe(90);
    expect(spec.variants[1]).toMatchObject({ name: 'rebate', extraRebatePct: 1.5, extraVisitsPerMonth: 0 });
    expect(
      ExperimentSpecSchema.parse(specBody({ ...initialDraft(), name: 'x', start: '2025-05-06' })).population,
    ).toEqual({});
  });

  it('sends what is not a number as typed, for the server to name the field', () => {
    const body = specBody({ ...initialDraft(), name: 'x', start: '2025-05-06', preDays: 'ninety' });
    const issue = ExperimentSpecSchema.safeParse(body).error?.issues[0];
    expect(issue?.path).toEqual(['preDays']);
  });
});
