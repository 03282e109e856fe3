import { describe, expect, it } from 'vitest';
import { vector } from '../../../../test/support/feature-vectors.js';
import { ModelSpecSchema } from '../../../contracts/tiering/config.js';
import { modelTerms, WEIGHTED_PRESETS } from '../../../contracts/tiering/model-terms.js';
import { explainScore } from './explain.js';
import { quintile, rfmSegment, scoreModel } from './score-model.js';

const rfm = ModelSpecSchema.parse({ kind: 'rfm_quintile' });

describe('rfm_quintile', () => {
  const vs = [
    vector('a', { recency_days: 0, orders: 1, monetary: 100 }),
    vector('b', { recency_days: 0, orders: 2, monetary: 100 }),
    vector('c', { recency_days: 10, orders: 2, monetary: 100 }),
    vector('d', { recency_days: 50, orders: 3, monetary: 5000 }),
    vector('e', { recency_days: 100, orders: 10, monetary: 90000 }),
    vector('f', { recency_days: null, orders: 0, monetary: null }),
  ];

  it('scores quintiles of the better-oriented percentile rank, ties sharing a rank, NULL → 1', () => {
    // Recency ranked descending over [100, 50, 10, 0, 0]: p = 0, .25, .5, .75, .75 → R = 1, 2, 3, 4, 4.
    // Orders over [0, 1, 2, 2, 3, 10]: p = 0, .2, .4, .4, .8, 1 → F = 1, 2, 3, 3, 5, 5.
    // Monetary over [100, 100, 100, 5000, 90000]: p = 0, 0, 0, .75, 1 → M = 1, 1, 1, 4, 5.
    const out = scoreModel(rfm, vs);
    expect(out.terms).toEqual([
      [4, 2, 1],
      [4, 3, 1],
      [3, 3, 1],
      [2, 5, 4],
      [1, 5, 5],
      [1, 1, 1],
    ]);
    const expected = [7 / 3, 8 / 3, 7 / 3, 11 / 3, 11 / 3, 1];
    out.scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i] as number, 12));
    expect(out.segments).toEqual([
      'potential_loyalists',
      'potential_loyalists',
      'about_to_sleep',
      'cant_lose_them',
      'cant_lose_them',
      'lost',
    ]);
  });

  it('maps quintiles and the R × FM grid', () => {
    expect([0, 0.19, 0.2, 0.4, 0.6, 0.8, 0.99, 1].map(quintile)).toEqual([1, 1, 2, 3, 4, 5, 5, 5]);
    expect(quintile(null)).toBe(1);
    expect(rfmSegment(5, 5, 4)).toBe('champions');
    expect(rfmSegment(5, 1, 1)).toBe('new_customers');
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(4, 5, 5)).toBe('loyal_customers');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(2, 3, 3)).toBe('at_risk');
    expect(rfmSegment(2, 1, 2)).toBe('hibernating');
    expect(() => rfmSegment(0, 1, 1)).toThrow(/out of range/);
  });
});

describe('weighted', () => {
  const vs = [
    vector('a', { margin: 100, return_rate: 0.1 }),
    vector('b', { margin: 200, return_rate: 0.1 }),
    vector('c', { margin: 300, return_rate: 0.3 }),
    vector('d', { margin: null, return_rate: 0.2 }),
  ];

  it('sums weighted normalised terms over Σ|w|, flipping lower-is-better features', () => {
    const spec = ModelSpecSchema.parse({
      kind: 'weighted',
      features: [
        { feature: 'margin', weight: 3 },
        { feature: 'return_rate', weight: 1 },
      ],
    });
    // margin p = 0, .5, 1, NULL → .5; return_rate p over [.1,.1,.2,.3] = 0, 0, 1, 2/3, flipped 1, 1, 0, 1/3.
    const out = scoreModel(spec, vs);
    expect(out.terms).toEqual([
      [0, 1],
      [0.5, 1],
      [1, 0],
      [0.5, 1 - 2 / 3],
    ]);
    [0.25, 0.625, 0.75, (1.5 + 1 / 3) / 4].forEach((e, i) => expect(out.scores[i]).toBeCloseTo(e, 12));
  });

  it('counts a negative weight against the customer and divides by Σ|w|', () => {
    const spec = ModelSpecSchema.parse({
      kind: 'weighted',
      features: [
        { feature: 'margin', weight: -1 },
        { feature: 'return_rate', weight: 1 },
      ],
    });
    const out = scoreModel(spec, vs);
    [0.5, 0.25, -0.5, (-0.5 + 1 / 3) / 2].forEach((e, i) => expect(out.scores[i]).toBeCloseTo(e, 12));
  });

  it('resolves presets, whose weights sum to 1', () => {
    for (const preset of ['profit', 'growth'] as const) {
      const terms = modelTerms(ModelSpecSchema.parse({ kind: 'weighted', preset }));
      expect(terms.map((t) => t.feature)).toEqual(WEIGHTED_PRESETS[preset].map((t) => t.feature));
      expect(terms.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('explainScore', () => {
  it('gives each term its raw value, normalised value, weight and share of the score', () => {
    const spec = ModelSpecSchema.parse({ kind: 'seed_rfm' });
    const v = vector('a', { recency_days: 12, orders: 10, monetary: 10000 });
    const out = explainScore(spec, v, [5, 1, 1]);
    expect(out.map((t) => [t.term, t.feature, t.value, t.normalized, t.weight])).toEqual([
      ['r', 'recency_days', 12, 5, 0.4],
      ['f', 'orders', 10, 1, 0.3],
      ['m', 'monetary', 10000, 1, 0.3],
    ]);
    expect(out.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(2.6, 12);
  });

  it('adds up to the score of weighted and quintile models', () => {
    const spec = ModelSpecSchema.parse({
      kind: 'weighted',
      features: [
        { feature: 'margin', weight: 3 },
        { feature: 'return_rate', weight: -1 },
      ],
    });
    const vs = [vector('a', { margin: 1, return_rate: 0.5 }), vector('b', { margin: 2, return_rate: 0.1 })];
    const scored = scoreModel(spec, vs);
    vs.forEach((v, i) => {
      const parts = explainScore(spec, v, scored.terms[i] as number[]);
      expect(parts.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(scored.scores[i] as number, 12);
    });
    const q = scoreModel(rfm, vs);
    expect(
      explainScore(rfm, vs[0]!, q.terms[0] as number[]).reduce((s, t) => s + t.contribution, 0),
    ).toBeCloseTo(q.scores[0] as number, 12);
    expect(() => explainScore(rfm, vs[0]!, [1, 2])).toThrow(/3 terms/);
  });
});
