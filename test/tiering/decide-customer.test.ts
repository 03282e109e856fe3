/** decideCustomer (src/domain/tiering/stream) with the shipped default configuration, which a domain test cannot read. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedVectors } from '../support/feature-vectors.js';
import { defaultTieringConfigPath, parseTieringConfig } from '../../src/app/tiering/load-config.js';
import type { FeatureVector } from '../../src/contracts/tiering/features.js';
import { scoreCustomers } from '../../src/domain/tiering/scoring/index.js';
import { decideCustomer, type DecisionInput } from '../../src/domain/tiering/stream/decide-customer.js';
import { buildScoringReference } from '../../src/domain/tiering/stream/scoring-reference.js';

const config = parseTieringConfig(readFileSync(defaultTieringConfigPath(), 'utf8'), 'default');
const END = '2026-11-22T16:00:00.000Z';
const vectors = generatedVectors(400, 5);
const scored = scoreCustomers(config, vectors, { previous: new Map(), overrides: [], endOfAsOf: END });
const reference = buildScoringReference(
  config,
  vectors.map((v, i) => ({ ...v, score: scored[i]!.score })),
);

function input(vector: FeatureVector, over: Partial<DecisionInput> = {}): DecisionInput {
  const i = vectors.findIndex((v) => v.customerId === vector.customerId);
  const run = scored[i]!;
  return {
    reference,
    config,
    runId: 'run-1',
    asOf: '2026-11-22',
    endOfAsOf: END,
    vector,
    previous: {
      tier: run.tier,
      candidateTier: run.candidateTier,
      candidateStreak: run.candidateStreak,
      tags: [],
      tagReasons: [],
    },
    overrides: [],
    causeEventId: 'ev-1',
    decidedAt: '2026-11-22T04:00:00.000Z',
    eventIdOf: (parts) => parts.join('|'),
    ...over,
  };
}

describe('decideCustomer', () => {
  // A silver customer without any tag: the rules fire on it only for what a test changes.
  const calm = vectors.find(
    (v, i) => scored[i]!.tier === 'silver' && decideCustomer(input(v)).tags.length === 0,
  )!;

  it('adds high_risk when a dispute opens, with the cause, and changes the policy to prepaid', () => {
    const before = decideCustomer(input(calm));
    const after = decideCustomer(input({ ...calm, disputes_open: 1 }));
    expect(after.tags).toContain('high_risk');
    expect(after.policy?.payment_terms).toBe('prepaid');
    expect(after.changed).toBe(true);
    const added = after.events.filter((e) => e.type === 'tag.added');
    expect(added).toContainEqual(
      expect.objectContaining({
        id: `ev-1|tag.added|${calm.customerId}|high_risk`,
        causedBy: 'ev-1',
        data: expect.objectContaining({ customerId: calm.customerId, tag: 'high_risk' }),
      }),
    );
    expect(before.tags).not.toContain('high_risk');
  });

  it('announces a tier change from the previous state, and nothing when nothing changed', () => {
    const same = decideCustomer(input(calm, { previous: undefined }));
    const known = decideCustomer(
      input(calm, {
        previous: {
          tier: same.scored.tier,
          candidateTier: same.scored.candidateTier,
          candidateStreak: same.scored.candidateStreak,
          tags: same.tags,
          tagReasons: same.tagReasons,
        },
      }),
    );
    expect(known.events).toEqual([]);
    expect(known.changed).toBe(false);
    const moved = decideCustomer(
      input(calm, {
        previous: {
          tier: 'platinum',
          candidateTier: 'platinum',
          candidateStreak: 1,
          tags: [],
          tagReasons: [],
        },
      }),
    );
    expect(moved.events.find((e) => e.type === 'tier.changed')).toMatchObject({
      data: { from: 'platinum', to: moved.scored.tier, runId: 'run-1', asOf: '2026-11-22' },
    });
  });

  it('removes a tag the features no longer support, quoting why it had fired', () => {
    const d = decideCustomer(
      input(calm, {
        previous: {
          tier: 'silver',
          candidateTier: 'silver',
          candidateStreak: 1,
          tags: ['high_risk'],
          tagReasons: ['1 open dispute'],
        },
      }),
    );
    expect(d.events).toContainEqual(
      expect.objectContaining({
        type: 'tag.removed',
        data: { customerId: calm.customerId, tag: 'high_risk', reason: '1 open dispute' },
      }),
    );
  });
});
