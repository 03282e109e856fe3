import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine, TEST_TZ } from '../../../../test/support/engines.js';
import { processBatch } from '../../../app/stream/process-batch.js';
import { loadRunReference, type RunReference } from '../../../app/stream/run-reference.js';
import { parseEvent } from '../../../contracts/events/parse.js';
import { TIER_NAMES, type Tier } from '../../../contracts/tiering/tiers.js';

describeEachEngine('tiers API', (kind) => {
  let s: ApiTestServer;
  let key: Record<string, string>;
  let runs: { runId: string; asOf: string }[];
  /** customer_id → tier, score, tags and owner in the latest run, read straight from the tables. */
  let snapshot: Map<string, { tier: string | null; score: number | null; tags: string[]; repId: string }>;
  let merged: { id: string; survivor: string };

  const get = (url: string, headers: Record<string, string>) => s.app.inject({ method: 'GET', url, headers });
  const batch = (payload: unknown, headers: Record<string, string>) =>
    s.app.inject({ method: 'POST', url: '/api/v1/tiers/batch', headers, payload: payload as object });

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 300, months: 6, weeks: 2 }, engine: kind });
    key = await s.key('integration');
    runs = (await s.engine.all('SELECT run_id, as_of FROM tiering_runs ORDER BY as_of DESC')).map((r) => ({
      runId: String(r.run_id),
      asOf: String(r.as_of),
    }));
    const rows = await s.engine.all(
      `SELECT t.customer_id, t.tier, t.score, t.tags, o.rep_id FROM tier_snapshots t
     JOIN customer_owners_clean o USING (customer_id) WHERE t.run_id = '${runs[0]?.runId}' ORDER BY t.customer_id`,
    );
    snapshot = new Map(
      rows.map((r) => [
        String(r.customer_id),
        {
          tier: r.tier as string | null,
          score: r.score as number | null,
          tags: (r.tags as string[] | null) ?? [],
          repId: String(r.rep_id),
        },
      ]),
    );
    const [m] = await s.engine.all(
      `SELECT customer_id, survivor_id FROM customer_merges ORDER BY customer_id LIMIT 1`,
    );
    merged = { id: String(m?.customer_id), survivor: String(m?.survivor_id) };
  });
  afterAll(async () => s?.close());

  describe('GET /tiers/:customerId', () => {
    it('gives the tier of the latest run with its names, score and tags', async () => {
      expect(snapshot.size).toBeGreaterThan(250);
      const [id, row] = [...snapshot.entries()].find(([, r]) => r.tier === 'platinum')!;
      const res = await get(`/api/v1/tiers/${id}`, key);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        customerId: id,
        mergedInto: null,
        tier: 'platinum',
        tierName: { zh: '铂金', en: 'Platinum' },
        score: row.score,
        tags: row.tags,
        runId: runs[0]?.runId,
        asOf: runs[0]?.asOf,
        source: 'run',
        decidedAt: null,
        causeEventId: null,
      });
    });

    it('answers every customer of the run like the snapshot', async () => {
      for (const [id, row] of snapshot) {
        const body = (await get(`/api/v1/tiers/${id}`, key)).json();
        expect(body, id).toMatchObject({ customerId: id, tier: row.tier, score: row.score, tags: row.tags });
      }
    });

    it('looks a merged duplicate up through its survivor', async () => {
      const res = await get(`/api/v1/tiers/${merged.id}`, key);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        customerId: merged.id,
        mergedInto: merged.survivor,
        tier: snapshot.get(merged.survivor)?.tier,
      });
    });

    it('reads an older run with ?run=', async () => {
      const id = [...snapshot.keys()][0];
      const res = await get(`/api/v1/tiers/${id}?run=${runs[1]?.runId}`, key);
      expect(res.json()).toMatchObject({ runId: runs[1]?.runId, asOf: runs[1]?.asOf });
    });

    it('is 404 for an unknown id, 401 without a caller, 403 for a viewer or a key without tiers.lookup', async () => {
      const unknown = await get('/api/v1/tiers/C999999', key);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatchObject({
        code: 'NOT_FOUND',
        details: { what: 'customer', id: 'C999999' },
      });
      const id = [...snapshot.keys()][0];
      expect((await get(`/api/v1/tiers/${id}`, {})).statusCode).toBe(401);
      expect((await get(`/api/v1/tiers/${id}`, await s.as('viewer'))).statusCode).toBe(403);
      expect((await get(`/api/v1/tiers/${id}`, await s.key('integration', ['export.read']))).statusCode).toBe(
        403,
      );
    });

    it('scopes reps to their own customers: another rep’s is 404', async () => {
      const [own, row] = [...snapshot.entries()][0]!;
      const rep = await s.as('rep', { repId: row.repId });
      expect((await get(`/api/v1/tiers/${own}`, rep)).statusCode).toBe(200);
      const other = [...snapshot.entries()].find(([, r]) => r.repId !== row.repId)![0];
      const res = await get(`/api/v1/tiers/${other}`, rep);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('POST /tiers/batch', () => {
    it('gives the known ids (merged ones through their survivor) and lists the missing ones', async () => {
      const known = [...snapshot.keys()].slice(0, 20);
      const res = await batch({ ids: [...known, merged.id, 'NOPE-1', known[0], 'NOPE-2'] }, key);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.runId).toBe(runs[0]?.runId);
      expect(body.missing).toEqual(['NOPE-1', 'NOPE-2']);
      expect(body.items.map((i: { customerId: string }) => i.customerId)).toEqual([...known, merged.id]);
      for (const item of body.items) {
        const row = snapshot.get(item.mergedInto ?? item.customerId);
        expect(item).toMatchObject({ tier: row?.tier, score: row?.score, tags: row?.tags });
      }
      expect(body.items.at(-1)).toMatchObject({ customerId: merged.id, mergedInto: merged.survivor });
    });

    it('takes 1,000 ids and refuses 1,001 with 400 naming the field', async () => {
      const ids = Array.from({ length: 1000 }, (_, i) => [...snapshot.keys()][i % snapshot.size] ?? `X${i}`);
      const ok = await batch({ ids: ids.map((id, i) => (i < snapshot.size ? id : `X${i}`)) }, key);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().items).toHaveLength(snapshot.size);
      const res = await batch({ ids: Array.from({ length: 1001 }, (_, i) => `C${i}`) }, key);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'body.ids' } });
      expect(res.json().error.message).toContain('ids');
      const empty = await batch({ ids: [] }, key);
      expect(empty.statusCode).toBe(400);
      const wrong = await batch({ ids: 'C000001' }, key);
      expect(wrong.json().error.details.field).toBe('body.ids');
    });

    it('lists another rep’s customers as missing for a rep', async () => {
      const [own, row] = [...snapshot.entries()][0]!;
      const other = [...snapshot.entries()].find(([, r]) => r.repId !== row.repId)![0];
      const rep = await s.as('rep', { repId: row.repId });
      const body = (await batch({ ids: [own, other] }, rep)).json();
      expect(body.items.map((i: { customerId: string }) => i.customerId)).toEqual([own]);
      expect(body.missing).toEqual([other]);
    });
  });

  describe('after the event stream decided about a customer', () => {
    let reference: RunReference;
    /** Tag-free gold or silver customers of the latest run, whom an open dispute makes high-risk. */
    let calm: [string, { tier: string | null; score: number | null; tags: string[]; repId: string }][];
    let events = 0;

    /** Opens a dispute for the customer through the stream; the lookup fields its latest decision must give. */
    async function disputeOf(customerId: string) {
      const parsed = parseEvent({
        id: `tiers-dispute-${++events}`,
        type: 'dispute.opened',
        occurredAt: new Date().toISOString(),
        customerId,
        data: { disputeId: `D-TIERS-${events}`, amount: 5000 },
      });
      if (!parsed.ok) throw new Error(parsed.reason);
      const outcome = await processBatch(s.engine, reference, [parsed.event], new Date(), TEST_TZ);
      expect(outcome.applied).toEqual([parsed.event.id]);
      const [row] = await s.engine.all({
        sql: `SELECT tier, score, tags, decided_at, cause_event_id FROM stream_decisions
              WHERE customer_id = $1 ORDER BY decision_no DESC LIMIT 1`,
        params: [customerId],
      });
      return {
        tier: row?.tier,
        score: row?.score,
        tags: row?.tags,
        source: 'stream',
        decidedAt: row?.decided_at,
        causeEventId: parsed.event.id,
      };
    }

    /** The lookup once the stream's decision shows (the unscoped cache reads decisions at most 1 s old). */
    async function streamLookup(customerId: string) {
      return vi.waitFor(
        async () => {
          const body = (await get(`/api/v1/tiers/${customerId}`, key)).json();
          expect(body.source).toBe('stream');
          return body;
        },
        { timeout: 5000, interval: 50 },
      );
    }

    beforeAll(async () => {
      reference = await loadRunReference(s.engine, runs[0]!.runId);
      calm = [...snapshot.entries()].filter(
        ([, r]) => ['gold', 'silver'].includes(r.tier!) && r.tags.length === 0,
      );
      expect(calm.length).toBeGreaterThan(2);
    });

    it('answers the stream’s tier and tags with the event that caused them, the cache as well as the database', async () => {
      const [id] = calm[0]!;
      // The cache has read the latest run's decisions already (the lookups above): this one reaches it by a refresh.
      expect((await get(`/api/v1/tiers/${id}`, key)).json().source).toBe('run');
      const decided = await disputeOf(id);
      expect(decided.tags).toContain('high_risk');
      expect(await streamLookup(id)).toEqual({
        customerId: id,
        mergedInto: null,
        tierName: decided.tier ? TIER_NAMES[decided.tier as Tier] : null,
        runId: runs[0]?.runId,
        asOf: runs[0]?.asOf,
        ...decided,
      });
      // A later decision is read from where the cache left off.
      const [next] = calm[1]!;
      const decidedNext = await disputeOf(next);
      expect(await streamLookup(next)).toMatchObject(decidedNext);
    });

    it('keeps answering an older run’s snapshot with ?run=, the latest run’s current state', async () => {
      const [id] = calm[0]!;
      const older = (await get(`/api/v1/tiers/${id}?run=${runs[1]?.runId}`, key)).json();
      expect(older).toMatchObject({
        runId: runs[1]?.runId,
        source: 'run',
        decidedAt: null,
        causeEventId: null,
      });
      const latest = (await get(`/api/v1/tiers/${id}?run=${runs[0]?.runId}`, key)).json();
      expect(latest).toMatchObject({
        runId: runs[0]?.runId,
        source: 'stream',
        causeEventId: expect.any(String),
      });
    });

    it('gives a rep the stream’s state of its own customer at once (scoped lookups read the database)', async () => {
      const [id, row] = calm[2]!;
      const rep = await s.as('rep', { repId: row.repId });
      const decided = await disputeOf(id);
      const res = await get(`/api/v1/tiers/${id}`, rep);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ customerId: id, ...decided });
    });

    it('answers batch lookups with the stream’s state, and an older run’s with its snapshot', async () => {
      const decidedIds = calm.slice(0, 3).map(([id]) => id);
      const plain = [...snapshot.keys()].find((id) => !decidedIds.includes(id))!;
      const body = (await batch({ ids: [...decidedIds, plain] }, key)).json();
      expect(body.items.map((i: { source: string }) => i.source)).toEqual([
        'stream',
        'stream',
        'stream',
        'run',
      ]);
      for (const item of body.items.slice(0, 3)) {
        expect(item).toEqual(await streamLookup(item.customerId));
      }
      expect(body.items[3]).toMatchObject({
        tier: snapshot.get(plain)?.tier,
        decidedAt: null,
        causeEventId: null,
      });
      const older = (await batch({ ids: decidedIds, run: runs[1]?.runId }, key)).json();
      expect(older.items.map((i: { source: string }) => i.source)).toEqual(['run', 'run', 'run']);
    });
  });
});
