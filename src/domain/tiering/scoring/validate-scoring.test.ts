import { describe, expect, it } from 'vitest';
import { ModelSpecSchema, TiersConfigSchema } from '../../../contracts/tiering/config.js';
import { StratumError } from '../../../contracts/errors.js';
import { assertScoringConfig, scoringIssues } from './validate-scoring.js';

const models = {
  seed: ModelSpecSchema.parse({ kind: 'seed_rfm' }),
  w: ModelSpecSchema.parse({
    kind: 'weighted',
    features: [
      { feature: 'margin', weight: 1 },
      { feature: 'margin', weight: 2, normalize: 'zscore' },
    ],
  }),
  p: ModelSpecSchema.parse({ kind: 'weighted', preset: 'profit' }),
};

describe('scoring config checks', () => {
  it('accepts a sound config', () => {
    expect(
      scoringIssues({
        models: { seed: models.seed },
        primaryModel: 'seed',
        tiers: TiersConfigSchema.parse({}),
      }),
    ).toEqual([]);
  });

  it('names a repeated feature, an unreachable minimum and minima rising down the tiers', () => {
    const issues = scoringIssues({
      models,
      primaryModel: 'p',
      tiers: TiersConfigSchema.parse({ minScore: { platinum: 3, gold: 0.5, silver: 0.6 } }),
    });
    expect(issues).toEqual([
      'models.w: feature "margin" appears more than once',
      'tiers.minScore.platinum 3 is above the best score (1) of the primary model "p" (weighted): nobody could reach platinum',
      'tiers.minScore.silver 0.6 is above tiers.minScore.gold 0.5',
    ]);
    expect(() =>
      assertScoringConfig(
        { models, primaryModel: 'seed', tiers: TiersConfigSchema.parse({}) },
        'tiering.yaml',
      ),
    ).toThrow(StratumError);
  });

  it('leaves the schema its own checks (unknown feature, all-zero weights)', () => {
    expect(() =>
      ModelSpecSchema.parse({ kind: 'weighted', features: [{ feature: 'nope', weight: 1 }] }),
    ).toThrow(/unknown feature \\+"nope/);
    expect(() =>
      ModelSpecSchema.parse({ kind: 'weighted', features: [{ feature: 'margin', weight: 0 }] }),
    ).toThrow(/weights are all zero/);
  });
});
