import { describe, expect, it } from 'vitest';
import type { Row } from '../../engines/engine.js';
import { duckdbDialect } from '../../sql/dialects/duckdb.js';
import type { SqlQuery } from '../../sql/query.js';
import { LiveOverlay, type DecisionReader } from './live-overlay.js';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');

const row = (customerId: string, decisionNo: number, decidedAt: number): Row => ({
  customer_id: customerId,
  decision_no: decisionNo,
  tier: 'silver',
  score: 55.5,
  tags: ['high_risk'],
  decided_at: new Date(decidedAt).toISOString(),
  cause_event_id: `${customerId}-e${decisionNo}`,
});

/** A reader answering the decisions committed so far, recording each query's lower bound. */
function fakeStream() {
  const committed: Row[] = [];
  const reads: (string | null)[] = [];
  let gate = Promise.resolve();
  let failNext = false;
  const reader: DecisionReader = {
    dialect: duckdbDialect,
    async read(query: SqlQuery | string) {
      const from = ((query as SqlQuery).params[1] as string | undefined) ?? null;
      reads.push(from);
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error('connection reset');
      }
      return committed.filter((r) => from === null || String(r.decided_at) >= from);
    },
  };
  return {
    reader,
    committed,
    reads,
    failNext: () => (failNext = true),
    /** Makes reads wait until the function returned is called. */
    hold(): () => void {
      let open = () => {};
      gate = new Promise((resolve) => (open = resolve));
      return open;
    },
  };
}

describe('LiveOverlay', () => {
  it('answers from memory within the interval and reads the decisions since once it is older', async () => {
    let now = T0;
    const stream = fakeStream();
    const live = new LiveOverlay('run-1', { refreshMs: 1000, now: () => now });
    expect((await live.current(stream.reader)).get('C1')).toBeUndefined();
    expect(stream.reads).toEqual([null]);

    stream.committed.push(row('C1', 1, T0 + 100));
    now = T0 + 999;
    expect((await live.current(stream.reader)).get('C1')).toBeUndefined();
    expect(stream.reads).toHaveLength(1);

    now = T0 + 1000;
    expect((await live.current(stream.reader)).get('C1')).toMatchObject({
      decisionNo: 1,
      tier: 'silver',
      tags: ['high_risk'],
      causeEventId: 'C1-e1',
    });
    expect(stream.reads).toHaveLength(2);

    // Once a decision is seen, reads start the late-commit slack before it.
    stream.committed.push(row('C1', 2, T0 + 1500));
    now = T0 + 2000;
    expect((await live.current(stream.reader)).get('C1')?.decisionNo).toBe(2);
    expect(stream.reads[2]).toBe(new Date(T0 + 100 - 10_000).toISOString());
  });

  it('makes lookups during a read wait for that one read', async () => {
    const stream = fakeStream();
    stream.committed.push(row('C1', 1, T0));
    const open = stream.hold();
    const live = new LiveOverlay('run-1', { refreshMs: 1000, now: () => T0 });
    const lookups = [live.current(stream.reader), live.current(stream.reader), live.current(stream.reader)];
    await new Promise((r) => setTimeout(r, 0));
    expect(stream.reads).toHaveLength(1);
    open();
    const overlays = await Promise.all(lookups);
    expect(overlays.map((o) => o.get('C1')?.decisionNo)).toEqual([1, 1, 1]);
  });

  it('reads again on the next lookup after a failed read', async () => {
    const stream = fakeStream();
    stream.committed.push(row('C1', 1, T0));
    const live = new LiveOverlay('run-1', { refreshMs: 1000, now: () => T0 });
    stream.failNext();
    await expect(live.current(stream.reader)).rejects.toThrow('connection reset');
    expect((await live.current(stream.reader)).get('C1')?.decisionNo).toBe(1);
    expect(stream.reads).toEqual([null, null]);
  });

  it('reads when the clock was set back instead of waiting for it to catch up', async () => {
    let now = T0;
    const stream = fakeStream();
    const live = new LiveOverlay('run-1', { refreshMs: 1000, now: () => now });
    await live.current(stream.reader);
    now = T0 - 60_000;
    await live.current(stream.reader);
    expect(stream.reads).toHaveLength(2);
  });
});
