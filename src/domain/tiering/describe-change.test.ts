import { describe, expect, it } from 'vitest';
import { describeChange } from './describe-change.js';

describe('describeChange', () => {
  const terms = [
    { feature: 'frequency' as const, before: 12, after: 5, contributionBefore: 0.3, contributionAfter: 0.1 },
    {
      feature: 'monetary' as const,
      before: 50000,
      after: 52000,
      contributionBefore: 0.3,
      contributionAfter: 0.31,
    },
  ];

  it('names the term that pulled the customer down', () => {
    expect(describeChange('gold', 'silver', terms)).toEqual({
      en: 'dropped from Gold to Silver because frequency fell from 12 to 5 orders/month',
      zh: '由黄金降至白银，因为 frequency 由 12 降至 5（orders/month）',
      mainTerm: 'frequency',
    });
  });

  it('names the term that pushed the customer up', () => {
    expect(describeChange('silver', 'gold', terms).mainTerm).toBe('monetary');
  });

  it('says only that the tier stayed when it did', () => {
    expect(describeChange('gold', 'gold', terms)).toEqual({
      en: 'stayed Gold',
      zh: '保持黄金',
      mainTerm: null,
    });
  });
});
