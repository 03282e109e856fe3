import { describe, expect, it } from 'vitest';
import { StreamOverlay, type StreamDecision } from './stream-overlay.js';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const decision = (customerId: string, decisionNo: number, decidedAt: number): StreamDecision => ({
  customerId,
  decisionNo,
  tier: 'gold',
  score: 70 + decisionNo,
  tags: [],
  decidedAt: iso(decidedAt),
  causeEventId: `${customerId}-e${decisionNo}`,
});

describe('StreamOverlay', () => {
  it('reads every decision of the run until it has seen one', () => {
    const o = new StreamOverlay(10_000);
    expect(o.readFrom).toBeNull();
    o.merge([], T0);
    expect(o.readFrom).toBeNull();
    expect(o.get('C1')).toBeUndefined();
  });

  it('keeps each customer’s highest decision number, whatever the order and however often it is read', () => {
    const o = new StreamOverlay(10_000);
    o.merge([decision('C1', 2, T0), decision('C1', 1, T0 - 5), decision('C2', 1, T0)], T0);
    o.merge([decision('C1', 2, T0), decision('C1', 1, T0 - 5)], T0 + 1000);
    expect(o.get('C1')?.decisionNo).toBe(2);
    expect(o.get('C2')?.causeEventId).toBe('C2-e1');
    expect(o.isNew('C1', 2)).toBe(false);
    expect(o.isNew('C1', 3)).toBe(true);
    expect(o.isNew('C3', 1)).toBe(true);
  });

  it('starts the next read the late-commit slack before the newest decision seen', () => {
    const o = new StreamOverlay(10_000);
    o.merge([decision('C1', 1, T0 - 3000), decision('C2', 1, T0 - 2000)], T0);
    // Inclusive: a decision committed later with the same timestamp as the newest is read.
    expect(o.readFrom).toBe(iso(T0 - 2000 - 10_000));
    o.merge([], T0 + 60_000);
    expect(o.readFrom).toBe(iso(T0 - 2000 - 10_000));
  });

  it('takes a decision committed out of order within the slack, once', () => {
    const o = new StreamOverlay(10_000);
    o.merge([decision('C1', 1, T0)], T0 + 100);
    // C2's batch began before C1's but committed after the read: its decided_at is before the newest seen.
    const late = decision('C2', 1, T0 - 4000);
    expect(Date.parse(late.decidedAt)).toBeGreaterThanOrEqual(Date.parse(o.readFrom!));
    o.merge([decision('C1', 1, T0), late], T0 + 1100);
    expect(o.get('C2')).toEqual(late);
  });

  it('does not let a worker clock running ahead move the next read past the reader’s clock', () => {
    const o = new StreamOverlay(10_000);
    o.merge([decision('C1', 1, T0 + 3_600_000)], T0);
    expect(o.readFrom).toBe(iso(T0 - 10_000));
  });
});
