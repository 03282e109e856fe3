import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

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
});
