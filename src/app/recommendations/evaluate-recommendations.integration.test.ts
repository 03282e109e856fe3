import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine } from '../../../test/support/engines.js';
import {
  RecommendationEvaluationSchema,
  type RecommendationEvaluation,
} from '../../contracts/recommendations/recommendations.js';
import type { Engine } from '../../engines/engine.js';
import { evaluateRecommendations } from './evaluate-recommendations.js';

const END = '2024-06-30';

/** Figures of the first engine, which the second must reproduce exactly. */
let first: RecommendationEvaluation | undefined;

describeEachEngine('recommendation evaluation on a generated demo', (kind) => {
  let engine: Engine | undefined;
  let dir = '';
  let evaluation: RecommendationEvaluation;

  beforeAll(async () => {
    ({ engine, dir } = await truthDatabase({ customers: 600, seed: 5, months: 8, end: END }, kind));
    ({ evaluation } = await evaluateRecommendations(engine, { latest: END, holdoutWeeks: 4, k: 10 }));
  });

  afterAll(async () => {
    await engine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the cuisines’ SKU preferences: well above the popularity baseline measured in the same run', () => {
    RecommendationEvaluationSchema.parse(evaluation);
    expect(evaluation).toMatchObject({ asOf: END, cutoff: '2024-06-02', holdoutWeeks: 4, k: 10 });
    expect(evaluation.customers).toBeGreaterThan(300);
    expect(evaluation.newSkus).toBeGreaterThan(evaluation.customers);
    const levels = evaluation.peerLevels;
    expect(levels.district + levels.city + levels.cuisine + levels.none).toBe(evaluation.customers);
    expect(evaluation.peerBased.recallAtK).toBeGreaterThan(1.2 * evaluation.popularity.recallAtK);
    expect(evaluation.peerBased.hitRate).toBeGreaterThan(evaluation.popularity.hitRate);
    expect(evaluation.recallRatio).toBeCloseTo(
      evaluation.peerBased.recallAtK / evaluation.popularity.recallAtK,
      12,
    );
  });

  it('gives the same figures on both engines', () => {
    const figures = { ...evaluation, durationMs: 0 };
    if (!first) first = figures;
    else expect(figures).toEqual(first);
  });
});
