import { describe, expect, it } from 'vitest';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { PolicyField, PolicyValue } from './event-types.js';
import { changeEventKey, diffSnapshots, type SnapshotCustomer } from './snapshot-diff.js';

const policy = (over: Partial<Record<PolicyField, PolicyValue>> = {}) =>
  ({
    ...Object.fromEntries(POLICY_COLUMNS.map((c) => [c, 0])),
    payment_terms: 'monthly',
    ...over,
  }) as Record<PolicyField, PolicyValue>;

const customer = (id: string, over: Partial<SnapshotCustomer> = {}): SnapshotCustomer => ({
  customerId: id,
  tier: 'gold',
  tierReason: 'quota',
  tags: [],
  tagReasons: [],
  policy: policy(),
  ...over,
});

const run = { runId: 'run-2', asOf: '2025-03-03' };

describe('diffSnapshots', () => {
  it('is empty for identical snapshots', () => {
    const s = [customer('A', { tags: ['high_risk'], tagReasons: ['late'] }), customer('B')];
    expect(diffSnapshots(s, s, run)).toEqual([]);
  });

  it('reports tier moves, tags added and removed with their reasons, and only the changed policy fields', () => {
    const before = [
      customer('A', { tags: ['churn_warning', 'high_risk'], tagReasons: ['quiet', 'late'] }),
      customer('B', { tier: 'silver', policy: policy({ discount_pct: 2 }) }),
    ];
    const after = [
      customer('A', { tags: ['high_potential', 'high_risk'], tagReasons: ['growing', 'later'] }),
      customer('B', { tier: 'gold', tierReason: 'override', policy: policy({ discount_pct: 5 }) }),
    ];
    expect(diffSnapshots(before, after, run)).toEqual([
      { type: 'tag.added', data: { customerId: 'A', tag: 'high_potential', reason: 'growing' } },
      { type: 'tag.removed', data: { customerId: 'A', tag: 'churn_warning', reason: 'quiet' } },
      {
        type: 'tier.changed',
        data: { customerId: 'B', from: 'silver', to: 'gold', reason: 'override', ...run },
      },
      {
        type: 'policy.changed',
        data: { customerId: 'B', changes: { discount_pct: { before: 2, after: 5 } } },
      },
    ]);
  });

  it('treats a customer absent from one side as having no tier, tags or policy there', () => {
    const events = diffSnapshots(
      [customer('GONE', { tier: 'bronze', tags: ['high_risk'], tagReasons: ['r'] })],
      [customer('NEW', { tier: null, tierReason: 'inactive' })],
      run,
    );
    expect(events.map(changeEventKey)).toEqual([
      'tier.changed|GONE',
      'tag.removed|GONE|high_risk',
      'policy.changed|GONE',
      'policy.changed|NEW',
    ]);
    const gone = events[2]!;
    expect(gone.type === 'policy.changed' && gone.data.changes.payment_terms).toEqual({
      before: 'monthly',
      after: null,
    });
  });
});
