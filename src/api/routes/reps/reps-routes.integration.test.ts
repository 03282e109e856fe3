import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekOfDate } from '../../../contracts/time/iso-week.js';
import { isoDateIn } from '../../../contracts/time/zoned-time.js';
import type { WeekPlan } from '../../../contracts/allocation/week-plan.js';
import { VISIT_PLAN_CSV_COLUMNS } from '../../../domain/allocation/visits/visit-plan-csv.js';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine, TEST_TZ } from '../../../../test/support/engines.js';

describeEachEngine('reps and visits API', (kind) => {
  let server: ApiTestServer;
  /** The rep owning the most customers, a rep of the same team (or them) and one of another team. */
  let rep: { id: string; team: string };
  let otherTeamRep: string;
  let reps: number;

  beforeAll(async () => {
    server = await apiTestServer({ demo: { customers: 200, months: 4, weeks: 1 }, engine: kind });
    const [top] = await server.engine.all(
      `SELECT o.rep_id, r.team, count(*) AS n FROM customer_owners_clean o JOIN reps r ON r.rep_id = o.rep_id
       GROUP BY o.rep_id, r.team ORDER BY n DESC, o.rep_id LIMIT 1`,
    );
    rep = { id: String(top?.rep_id), team: String(top?.team) };
    const [other] = await server.engine.all({
      sql: 'SELECT rep_id FROM reps WHERE team <> $1 ORDER BY rep_id LIMIT 1',
      params: [rep.team],
    });
    otherTeamRep = String(other?.rep_id);
    const [count] = await server.engine.all('SELECT count(*) AS n FROM reps');
    reps = Number(count?.n);
  }, 180_000);
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string>) =>
    server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  describe('reps and their visit plans', () => {
    it('lists every rep to allocation readers, a rep only themselves, nobody to a viewer', async () => {
      const all = await get('/reps', await server.as('analyst'));
      expect(all.statusCode).toBe(200);
      const items = all.json<{ items: Record<string, unknown>[] }>().items;
      expect(items).toHaveLength(reps);
      expect(reps).toBeGreaterThan(1);
      const mine = items.find((r) => r.id === rep.id);
      expect(mine).toMatchObject({ team: rep.team, districts: expect.any(Array), leave: expect.any(Array) });
      expect(Object.keys(mine!).sort()).toEqual(
        [
          'capacity',
          'city',
          'districts',
          'id',
          'leave',
          'name',
          'role',
          'seniority',
          'skills',
          'team',
        ].sort(),
      );
      expect(mine!.capacity).toBeGreaterThan(0);

      const own = await get('/reps', await server.as('rep', { repId: rep.id }));
      expect(own.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([rep.id]);
      const viewer = await get('/reps', await server.as('viewer'));
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json()).toMatchObject({
        error: { code: 'FORBIDDEN', details: { permission: 'visits.read' } },
      });
      expect((await get('/reps', {})).statusCode).toBe(401);
    });

    it("gives a rep their week as JSON, CSV and iCalendar, and another rep's as not found", async () => {
      const headers = await server.as('rep', { repId: rep.id });
      const json = await get(`/reps/${rep.id}/visits?week=2026-W48`, headers);
      expect(json.statusCode).toBe(200);
      const plan = json.json<WeekPlan>();
      expect(plan).toMatchObject({ repId: rep.id, week: '2026-W48', timeZone: TEST_TZ });
      expect(plan.days[0]?.date).toBe('2026-11-23');
      expect(plan.totals.visits).toBeGreaterThan(0);
      expect(plan.days.reduce((n, d) => n + d.visits.length, 0)).toBe(plan.totals.visits);

      const csv = await get(`/reps/${rep.id}/visits?week=2026-W48&format=csv`, headers);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="visits-${rep.id}-2026-W48.csv"`);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(VISIT_PLAN_CSV_COLUMNS.join(','));
      expect(lines).toHaveLength(1 + plan.totals.visits + plan.totals.calls);

      const ics = await get(`/reps/${rep.id}/visits?week=2026-W48&format=ics`, headers);
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(ics.headers['content-disposition']).toBe(`attachment; filename="visits-${rep.id}-2026-W48.ics"`);
      expect(ics.body.startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(ics.body.match(/^BEGIN:VEVENT/gm)).toHaveLength(plan.totals.visits);

      // Without a week: the current one in the server's zone.
      const current = await get(`/reps/${rep.id}/visits`, headers);
      expect(current.json<WeekPlan>().week).toBe(
        formatIsoWeek(isoWeekOfDate(isoDateIn(TEST_TZ, Date.now()))),
      );

      const other = await get(`/reps/${otherTeamRep}/visits?week=2026-W48`, headers);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { what: 'rep' } } });
    });

    it("shows a manager their team's reps' plans, an admin everyone's, an analyst none", async () => {
      const manager = await server.as('manager', { team: rep.team });
      expect((await get(`/reps/${rep.id}/visits?week=2026-W48`, manager)).statusCode).toBe(200);
      expect((await get(`/reps/${otherTeamRep}/visits?week=2026-W48`, manager)).statusCode).toBe(404);
      const admin = await server.as('admin');
      expect((await get(`/reps/${otherTeamRep}/visits?week=2026-W48&format=ics`, admin)).statusCode).toBe(
        200,
      );
      expect((await get('/reps/R-none/visits?week=2026-W48', admin)).statusCode).toBe(404);
      const analyst = await get(`/reps/${rep.id}/visits`, await server.as('analyst'));
      expect(analyst.statusCode).toBe(403);
      expect(analyst.json()).toMatchObject({ error: { details: { permission: 'visits.read' } } });
    });

    it('documents the reps and allocation endpoints in the OpenAPI document', async () => {
      const doc = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(doc.statusCode).toBe(200);
      expect(Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/reps/',
          '/api/v1/reps/{repId}/visits',
          '/api/v1/allocation/plans',
          '/api/v1/allocation/rounds',
          '/api/v1/allocation/rounds/{roundId}',
          '/api/v1/customers/{id}/owners',
        ]),
      );
    });

    it('names a bad week or format', async () => {
      const admin = await server.as('admin');
      for (const [query, field] of [
        ['week=2026-W54', 'querystring.week'],
        ['week=2026-48', 'querystring.week'],
        ['format=pdf', 'querystring.format'],
      ] as const) {
        const r = await get(`/reps/${rep.id}/visits?${query}`, admin);
        expect(r.statusCode, query).toBe(400);
        expect(r.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', details: { field } } });
      }
    });
  });
});
