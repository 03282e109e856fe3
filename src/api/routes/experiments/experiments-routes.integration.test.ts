import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';
import { listAudit } from '../../../app/accounts/audit.js';
import { addDays } from '../../../contracts/time/iso-date.js';
import { defaultEnd } from '../../../app/generate/generate-options.js';

describeEachEngine('experiments API', (kind) => {
  let server: ApiTestServer;
  const end = defaultEnd();

  beforeAll(async () => {
    server = await apiTestServer({ engine: kind, demo: { customers: 300, months: 5, weeks: 5 } });
  }, 300_000);
  afterAll(() => server.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  describe('experiments API', () => {
    it('creates, assigns once, analyses, and answers by role', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const manager = await server.as('manager', { username: 'max', team: 'T1' });
      const viewer = await server.as('viewer', { username: 'vic' });
      const spec = {
        name: 'weekly visits',
        variants: [{ name: 'control' }, { name: 'weekly', extraVisitsPerMonth: 2 }],
        // The day after the run four weeks before the end of the demo.
        start: addDays(end, -27),
        preDays: 60,
      };
      expect((await inject('GET', '/experiments', viewer)).statusCode).toBe(403);
      expect((await inject('POST', '/experiments', manager, spec)).statusCode).toBe(403);
      const bad = await inject('POST', '/experiments', analyst, { ...spec, variants: [{ name: 'x' }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('variants');

      const created = await inject('POST', '/experiments', analyst, spec);
      expect(created.statusCode).toBe(201);
      const e = created.json<{ experimentId: string; assignedAt: string | null; variants: unknown[] }>();
      expect(e).toMatchObject({ assignedAt: null, variants: [] });
      expect((await inject('POST', '/experiments', analyst, spec)).statusCode).toBe(409);

      const assigned = await inject('POST', `/experiments/${e.experimentId}/assign`, analyst);
      expect(assigned.statusCode).toBe(200);
      const a = assigned.json<{
        alreadyAssigned: boolean;
        variants: { customers: number }[];
        asOf: string;
      }>();
      expect(a.alreadyAssigned).toBe(false);
      expect(a.asOf).toBe(addDays(end, -28));
      expect(a.variants[0]!.customers + a.variants[1]!.customers).toBeGreaterThan(150);
      const again = await inject(
        'POST',
        `/experiments/${encodeURIComponent('weekly visits')}/assign`,
        analyst,
      );
      expect(again.json()).toMatchObject({ alreadyAssigned: true, variants: a.variants });

      const file = await inject('GET', `/experiments/${e.experimentId}/assignment`, manager);
      expect(file.headers['content-type']).toMatch(/^text\/csv/);
      const lines = file.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('customer_id,unit_id,stratum,variant,extra_rebate_pct,extra_visits_per_month');
      expect(lines.length - 1).toBe(a.variants[0]!.customers + a.variants[1]!.customers);
      expect(lines.filter((l) => l.endsWith(',weekly,0,2'))).toHaveLength(a.variants[1]!.customers);

      const results = await inject('GET', `/experiments/${e.experimentId}/results?asOf=${end}`, manager);
      expect(results.statusCode).toBe(200);
      const r = results.json<{
        end: string;
        comparisons: { effects: { metric: string }[] }[];
        srm: object;
      }>();
      expect(r.end).toBe(end);
      expect(r.comparisons[0]!.effects.map((x) => x.metric)).toContain('gmv');
      expect(r.srm).toMatchObject({ mismatch: false });

      const list = await inject('GET', '/experiments', manager);
      expect(list.json<{ items: { name: string; variants: unknown[] }[] }>().items).toMatchObject([
        { name: 'weekly visits', variants: a.variants },
      ]);
      expect((await inject('GET', '/experiments/NOPE', manager)).statusCode).toBe(404);
      for (const action of ['experiment.created', 'experiment.assigned'])
        expect(await listAudit(server.engine, server.engine.dialect, { action, limit: 5 })).toMatchObject([
          { target: e.experimentId },
        ]);
    });

    it('estimates the effect of a tier edge with its caveats', async () => {
      const analyst = await server.as('analyst', { username: 'ana2' });
      const res = await inject('GET', `/experiments/boundary?tier=silver&days=28&asOf=${end}`, analyst);
      expect(res.statusCode).toBe(200);
      const b = res.json<{
        runAsOf: string;
        share: number;
        caveats: string[];
        ciLow: number;
        ciHigh: number;
      }>();
      expect(b).toMatchObject({ runAsOf: addDays(end, -28), share: 0.5 });
      expect(b.ciLow).toBeLessThan(b.ciHigh);
      expect(b.caveats.length).toBeGreaterThan(2);
      const tooLate = await inject(
        'GET',
        `/experiments/boundary?tier=silver&days=28&asOf=${end}&runId=nope`,
        analyst,
      );
      expect(tooLate.statusCode).toBe(404);
    });
  });
});
