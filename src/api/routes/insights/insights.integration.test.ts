import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { listAudit } from '../../../app/accounts/audit.js';
import { buildReport, type TieringReport } from '../../../app/tiering/build-report.js';
import type { DistributionRow, Overview } from '../../../contracts/insights/overview.js';
import type { Migration, Mover, MoversPage } from '../../../contracts/insights/migration.js';
import type { RiskItem, RiskPage } from '../../../contracts/insights/risk.js';
import type { Satisfaction } from '../../../contracts/insights/satisfaction.js';
import { TAGS, TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('insights API', (kind) => {
  let s: ApiTestServer;
  let admin: Record<string, string>;
  /** Run ids, newest first. */
  let runs: string[];
  let report: TieringReport;
  /** The rep with most customers in the latest run. */
  let repId: string;

  const get = async (url: string, headers: Record<string, string>) =>
    s.app.inject({ method: 'GET', url, headers });

  async function ok<T>(url: string, headers: Record<string, string> = admin): Promise<T> {
    const res = await get(url, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  /** Every page of a paged insights list. */
  async function pages<T extends { customerId: string }>(
    url: string,
    headers: Record<string, string>,
    limit = 17,
  ): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await ok(
        `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        headers,
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(out.map((c) => c.customerId)).size).toBe(out.length);
    return out;
  }

  const sql = async (text: string) => s.engine.all(text);
  const idsOf = async (text: string) => (await sql(text)).map((r) => String(r.customer_id)).sort();
  const sorted = (ids: readonly string[]) => [...ids].sort();

  /** A distribution's rows back as report.distribution's record. */
  const asRecord = (rows: readonly DistributionRow[]) =>
    Object.fromEntries(rows.map((r) => [r.value, r.tiers])) as Record<string, Record<Tier, number>>;

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 400, months: 6, weeks: 3 }, engine: kind });
    admin = await s.as('admin');
    runs = (await sql('SELECT run_id FROM tiering_runs ORDER BY as_of DESC')).map((r) => String(r.run_id));
    report = await buildReport(s.engine);
    const [topRep] = await sql(
      `SELECT o.rep_id, count(*) AS n FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
     WHERE t.run_id = '${runs[0]}' GROUP BY o.rep_id ORDER BY n DESC, o.rep_id LIMIT 1`,
    );
    repId = String(topRep?.rep_id);
  });
  afterAll(async () => s?.close());

  describe('GET /insights/overview: the numbers agree with stratum report --json', () => {
    it('has the report’s tier counts, shares, revenue, tags and distributions for the latest run', async () => {
      expect(runs).toHaveLength(3);
      const o = await ok<Overview>('/api/v1/insights/overview');
      expect(o.run.runId).toBe(report.runId);
      expect(o.run.asOf).toBe(report.asOf);
      expect(o.previousRun?.runId).toBe(report.previousRunId);
      expect(o.customers).toBe(report.customers);
      expect(o.excluded.customers).toBe(report.excluded);
      // Shares are ratios of double sums that the engine may add in another order: equal to the last bits.
      const near = (x: number) => expect.closeTo(x, 12);
      expect(
        o.tiers.map(({ tier, customers, customerShare, revenue, revenueShare, margin }) => ({
          tier,
          customers,
          customerShare,
          revenue,
          revenueShare,
          margin,
        })),
      ).toEqual(
        report.tiers.map((t) => ({
          ...t,
          customerShare: near(t.customerShare),
          revenueShare: near(t.revenueShare),
        })),
      );
      expect(o.tiers.map((t) => t.name.zh)).toEqual(['铂金', '黄金', '白银', '青铜']);
      expect(Object.fromEntries(o.tags.map((t) => [t.tag, t.customers]))).toEqual(report.tags);
      expect(asRecord(o.distribution.city)).toEqual(report.distribution.city);
      expect(asRecord(o.distribution.customerType)).toEqual(report.distribution.customer_type);
      expect(asRecord(o.distribution.cuisine)).toEqual(report.distribution.cuisine);
      expect(o.distribution.district).toBeNull();
      const totals = o.distribution.city.map((r) => r.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      expect(totals.reduce((a, b) => a + b, 0)).toBe(report.customers - report.excluded);
    });

    it('reads an older run with ?run= and agrees with its report too', async () => {
      const older = await buildReport(s.engine, runs[1]);
      const o = await ok<Overview>(`/api/v1/insights/overview?run=${runs[1]}`);
      expect(o.run.runId).toBe(runs[1]);
      expect(o.previousRun?.runId).toBe(runs[2]);
      expect(o.tiers.map((t) => t.customers)).toEqual(older.tiers.map((t) => t.customers));
      expect(o.tiers.map((t) => t.revenue)).toEqual(older.tiers.map((t) => t.revenue));
      const first = await ok<Overview>(`/api/v1/insights/overview?run=${runs[2]}`);
      expect(first.previousRun).toBeNull();
      expect(first.kpis.every((k) => k.aov.previous === null && k.aov.change === null)).toBe(true);
      expect(first.tiers.every((t) => t.previous === null)).toBe(true);
    });

    it('computes the KPIs per tier as documented, with the previous run’s values and the change', async () => {
      const o = await ok<Overview>('/api/v1/insights/overview');
      const kpisOf = async (runId: string, tier: Tier) => {
        const rows = await sql(
          `SELECT frequency, aov, orders, repurchase_rate, return_rate, days_past_due, monetary, tenure_days
         FROM tier_snapshots WHERE run_id = '${runId}' AND tier = '${tier}'`,
        );
        const n = (v: unknown) => (v === null ? null : Number(v));
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
        const ordered = (r: (typeof rows)[number]) => (n(r.aov) ?? 0) * (n(r.orders) ?? 0);
        const repurchase = rows.map((r) => n(r.repurchase_rate)).filter((x): x is number => x !== null);
        return {
          customers: rows.length,
          ordersPerMonth: sum((r) => n(r.frequency) ?? 0) / rows.length,
          aov: sum(ordered) / sum((r) => (r.aov === null ? 0 : Number(r.orders))),
          repurchaseRate: repurchase.reduce((a, b) => a + b, 0) / repurchase.length,
          returnRate:
            sum((r) => (n(r.return_rate) ?? 0) * ordered(r)) /
            sum((r) => (r.return_rate === null ? 0 : ordered(r))),
          overdueRate: rows.filter((r) => (n(r.days_past_due) ?? 0) > 0).length / rows.length,
          clv:
            (sum((r) => n(r.monetary) ?? 0) / rows.length) *
            (sum((r) => n(r.tenure_days) ?? 0) / rows.length / 365),
        };
      };
      for (const tier of TIERS) {
        const k = o.kpis.find((x) => x.tier === tier);
        const now = await kpisOf(runs[0] as string, tier);
        const before = await kpisOf(runs[1] as string, tier);
        expect(k?.customers.value).toBe(now.customers);
        for (const key of ['ordersPerMonth', 'aov', 'repurchaseRate', 'returnRate', 'overdueRate'] as const) {
          expect(k?.[key].value, `${tier} ${key}`).toBeCloseTo(now[key], 9);
          expect(k?.[key].previous, `${tier} ${key} before`).toBeCloseTo(before[key], 9);
          expect(k?.[key].change, `${tier} ${key} change`).toBeCloseTo(now[key] - before[key], 9);
        }
        expect(o.clvMethod).toBe('annual_net_revenue_x_tenure');
        expect(o.clv.find((c) => c.tier === tier)?.value).toBeCloseTo(now.clv, 1);
      }
      const platinum = o.kpis.find((k) => k.tier === 'platinum');
      const bronze = o.kpis.find((k) => k.tier === 'bronze');
      expect(platinum?.ordersPerMonth.value).toBeGreaterThan(bronze?.ordersPerMonth.value ?? Infinity);
    });

    it('gives the districts of a city with ?city=, adding up to the city’s row', async () => {
      const o0 = await ok<Overview>('/api/v1/insights/overview');
      const city = o0.distribution.city[0];
      const o = await ok<Overview>(`/api/v1/insights/overview?city=${encodeURIComponent(city?.value ?? '')}`);
      expect(o.distribution.district?.city).toBe(city?.value);
      const rows = o.distribution.district?.rows ?? [];
      expect(rows.length).toBeGreaterThan(1);
      for (const t of TIERS) expect(rows.reduce((a, r) => a + r.tiers[t], 0)).toBe(city?.tiers[t]);
      const none = await ok<Overview>(`/api/v1/insights/overview?city=${encodeURIComponent('无此城市')}`);
      expect(none.distribution.district?.rows).toEqual([]);
    });

    it('counts tags with their previous count and change', async () => {
      const o = await ok<Overview>('/api/v1/insights/overview');
      const before = await buildReport(s.engine, runs[1]);
      for (const t of o.tags) {
        expect(t.previous).toBe(before.tags[t.tag]);
        expect(t.change).toBe(t.customers - before.tags[t.tag]);
      }
      expect(o.tags.map((t) => t.tag)).toEqual([...TAGS]);
    });

    it('answers 404 for an unknown run and 400 for an unknown parameter', async () => {
      const missing = await get('/api/v1/insights/overview?run=run-nope', admin);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('NOT_FOUND');
      expect((await get('/api/v1/insights/overview?bogus=1', admin)).statusCode).toBe(400);
    });
  });

  describe('GET /insights/migration', () => {
    it('between consecutive runs is the report’s migration matrix', async () => {
      const m = await ok<Migration>('/api/v1/insights/migration');
      expect(m.from?.runId).toBe(runs[1]);
      expect(m.to.runId).toBe(runs[0]);
      const key = (x: { from: string; to: string; customers: number }) => `${x.from}>${x.to}:${x.customers}`;
      expect(m.matrix.map(key).sort()).toEqual(report.migration.map(key).sort());
      expect(m.links.map((l) => `${l.source}>${l.target}`)).toEqual(
        m.matrix.map((c) => `from:${c.from}>to:${c.to}`),
      );
    });

    it('between non-consecutive runs sums to the union of their customers, each side to its run', async () => {
      const m = await ok<Migration>(`/api/v1/insights/migration?from=${runs[2]}&to=${runs[0]}`);
      expect(m.from?.runId).toBe(runs[2]);
      const [union] = await sql(
        `SELECT count(DISTINCT customer_id) AS n FROM tier_snapshots WHERE run_id IN ('${runs[2]}', '${runs[0]}')`,
      );
      const total = m.links.reduce((a, l) => a + l.customers, 0);
      expect(total).toBe(Number(union?.n));
      expect(m.totals.customers).toBe(total);
      const t = m.totals;
      expect(t.stayed + t.up + t.down + t.new + t.gone + t.excludedChanges).toBe(total);
      const countOf = async (runId: string) =>
        Number((await sql(`SELECT count(*) AS n FROM tier_snapshots WHERE run_id = '${runId}'`))[0]?.n);
      const side = (sideName: 'from' | 'to', skip: string) =>
        m.nodes.filter((n) => n.side === sideName && n.key !== skip).reduce((a, n) => a + n.customers, 0);
      expect(side('from', 'new')).toBe(await countOf(runs[2] as string));
      expect(side('to', 'gone')).toBe(await countOf(runs[0] as string));
      expect(new Set(m.nodes.map((n) => n.id)).size).toBe(m.nodes.length);
    });

    it('has no `from` when only one run exists before `to`', async () => {
      const m = await ok<Migration>(`/api/v1/insights/migration?to=${runs[2]}`);
      expect(m.from).toBeNull();
      expect(m.links).toEqual([]);
      const movers = await get(`/api/v1/insights/migration/customers?to=${runs[2]}`, admin);
      expect(movers.statusCode).toBe(404);
    });
  });

  describe('GET /insights/migration/customers: the drill-down', () => {
    const base = () => `/api/v1/insights/migration/customers?from=${runs[2]}&to=${runs[0]}`;
    const cells = `WITH m AS (
      SELECT coalesce(a.customer_id, b.customer_id) AS customer_id,
             coalesce(a.tier, CASE WHEN a.customer_id IS NULL THEN 'new' ELSE 'excluded' END) AS f,
             coalesce(b.tier, CASE WHEN b.customer_id IS NULL THEN 'gone' ELSE 'excluded' END) AS t
      FROM (SELECT * FROM tier_snapshots WHERE run_id = '$FROM') a
      FULL OUTER JOIN (SELECT * FROM tier_snapshots WHERE run_id = '$TO') b ON a.customer_id = b.customer_id)`;
    const cellSql = (where: string) =>
      `${cells.replace('$FROM', runs[2] as string).replace('$TO', runs[0] as string)} SELECT customer_id FROM m WHERE ${where}`;

    it('lists exactly the customers of a cell, and every mover without a cell', async () => {
      const m = await ok<Migration>(`/api/v1/insights/migration?from=${runs[2]}&to=${runs[0]}`);
      const moved = m.matrix.filter((c) => c.from !== c.to).sort((a, b) => b.customers - a.customers);
      expect(moved.length).toBeGreaterThan(0);
      for (const cell of moved.slice(0, 3)) {
        const got = await pages<Mover>(`${base()}&fromTier=${cell.from}&toTier=${cell.to}`, admin, 7);
        expect(got).toHaveLength(cell.customers);
        expect(got.every((c) => c.from === cell.from && c.to === cell.to)).toBe(true);
        expect(sorted(got.map((c) => c.customerId))).toEqual(
          await idsOf(cellSql(`f = '${cell.from}' AND t = '${cell.to}'`)),
        );
      }
      const all = await pages<Mover>(base(), admin, 50);
      expect(sorted(all.map((c) => c.customerId))).toEqual(await idsOf(cellSql('f <> t')));
      expect(all.length).toBe(moved.reduce((a, c) => a + c.customers, 0));
      expect(all.every((c) => c.owner !== null && c.name !== null)).toBe(true);
    });

    it('refuses a cursor of another query', async () => {
      const first = await ok<MoversPage>(`${base()}&limit=2`);
      expect(first.nextCursor).not.toBeNull();
      const res = await get(
        `${base()}&fromTier=gold&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
        admin,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('cursor');
    });

    it('shows a rep only their own movers', async () => {
      const rep = await s.as('rep', { repId });
      const got = await pages<Mover>(base(), rep, 50);
      expect(got.length).toBeGreaterThan(0);
      expect(got.every((c) => c.owner?.repId === repId)).toBe(true);
      expect(sorted(got.map((c) => c.customerId))).toEqual(
        await idsOf(
          `${cellSql('f <> t').replace('SELECT customer_id FROM m', 'SELECT m.customer_id FROM m JOIN customer_owners_clean o ON o.customer_id = m.customer_id')} AND o.rep_id = '${repId}'`,
        ),
      );
    });
  });

  describe('GET /insights/risk', () => {
    for (const tag of ['high_risk', 'churn_warning'] as const)
      it(`lists exactly the customers tagged ${tag}, with reasons in both languages`, async () => {
        const got = await pages<RiskItem>(`/api/v1/insights/risk?tag=${tag}`, admin, 13);
        const expected = await idsOf(
          `SELECT customer_id FROM tier_snapshots WHERE run_id = '${runs[0]}' AND array_position(tags, '${tag}') IS NOT NULL`,
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(sorted(got.map((c) => c.customerId))).toEqual(expected);
        expect(got.every((c) => c.tags.includes(tag))).toBe(true);
        expect(got.every((c) => c.reason.en.length > 0 && c.reason.zh.length > 0)).toBe(true);
        expect(got.some((c) => /[\u4e00-\u9fff]/.test(c.reason.zh))).toBe(true);
        const monetary = got.map((c) => c.monetary ?? -Infinity);
        expect(monetary).toEqual([...monetary].sort((a, b) => b - a));
        const first = await ok<RiskPage>(`/api/v1/insights/risk?tag=${tag}&limit=5`);
        expect(first.total).toBe(expected.length);
        expect(first.runId).toBe(runs[0]);
      });

    it('shows each action the run triggered, open until marked', async () => {
      const got = await pages<RiskItem>('/api/v1/insights/risk?tag=high_risk', admin, 100);
      const rows = await sql(
        `SELECT customer_id, actions FROM tier_snapshots WHERE run_id = '${runs[0]}' AND array_position(tags, 'high_risk') IS NOT NULL`,
      );
      const actions = new Map(rows.map((r) => [String(r.customer_id), (r.actions as string[] | null) ?? []]));
      for (const c of got) expect(c.actions.map((a) => a.action)).toEqual(actions.get(c.customerId));
      expect(got.some((c) => c.actions.length > 0)).toBe(true);
    });

    it('shows a rep only their own tagged customers and masks contacts for analysts', async () => {
      const rep = await s.as('rep', { repId });
      const got = await pages<RiskItem>('/api/v1/insights/risk?tag=churn_warning', rep, 50);
      expect(got.length).toBeGreaterThan(0);
      expect(got.every((c) => c.owner?.repId === repId)).toBe(true);
      const [count] = await sql(
        `SELECT count(*) AS n FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
       WHERE t.run_id = '${runs[0]}' AND o.rep_id = '${repId}' AND array_position(t.tags, 'churn_warning') IS NOT NULL`,
      );
      expect(got.length).toBe(Number(count?.n));
      const page = await ok<RiskPage>('/api/v1/insights/risk?tag=churn_warning&limit=1', rep);
      expect(page.total).toBe(Number(count?.n));

      const analyst = await ok<RiskPage>('/api/v1/insights/risk?tag=high_risk', await s.as('analyst'));
      const phones = analyst.items.map((c) => c.contact.phone).filter((p): p is string => p !== null);
      expect(phones.length).toBeGreaterThan(0);
      expect(phones.every((p) => p.includes('*'))).toBe(true);
    });

    it('refuses a tag it does not list', async () => {
      expect((await get('/api/v1/insights/risk?tag=high_potential', admin)).statusCode).toBe(400);
      expect((await get('/api/v1/insights/risk', admin)).statusCode).toBe(400);
    });
  });

  describe('roles', () => {
    it('gives a viewer the aggregates and 403 on customer lists and actions', async () => {
      const viewer = await s.as('viewer');
      expect((await get('/api/v1/insights/overview', viewer)).statusCode).toBe(200);
      expect((await get('/api/v1/insights/migration', viewer)).statusCode).toBe(200);
      for (const url of ['/api/v1/insights/migration/customers', '/api/v1/insights/risk?tag=high_risk']) {
        const res = await get(url, viewer);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      const patch = await s.app.inject({
        method: 'PATCH',
        url: '/api/v1/insights/actions',
        headers: viewer,
        payload: { runId: runs[0], customerId: 'C000001', action: 'coupon', status: 'done' },
      });
      expect(patch.statusCode).toBe(403);
    });

    it('answers 401 without a session', async () => {
      expect((await get('/api/v1/insights/overview', {})).statusCode).toBe(401);
    });
  });

  describe('PATCH /insights/actions', () => {
    const patch = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      s.app.inject({ method: 'PATCH', url: '/api/v1/insights/actions', headers, payload });

    it('persists a status with its note and audits it', async () => {
      const [row] = await sql(
        `SELECT customer_id, actions FROM tier_snapshots WHERE run_id = '${runs[0]}'
       AND array_position(tags, 'high_risk') IS NOT NULL AND array_length(actions, 1) > 0 ORDER BY customer_id LIMIT 1`,
      );
      const customerId = String(row?.customer_id);
      const action = (row?.actions as string[])[0] as string;
      const res = await patch(admin, {
        runId: runs[0],
        customerId,
        action,
        status: 'done',
        note: '已电话沟通',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        runId: runs[0],
        customerId,
        action,
        status: 'done',
        note: '已电话沟通',
      });

      const got = await pages<RiskItem>('/api/v1/insights/risk?tag=high_risk', admin, 200);
      const task = got.find((c) => c.customerId === customerId)?.actions.find((a) => a.action === action);
      expect(task).toMatchObject({ status: 'done', note: '已电话沟通', updatedBy: 'admin1' });
      expect(task?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const again = await patch(admin, { runId: runs[0], customerId, action, status: 'dismissed' });
      expect(again.json()).toMatchObject({ status: 'dismissed', note: null });
      const [n] = await sql(`SELECT count(*) AS n FROM action_tasks WHERE customer_id = '${customerId}'`);
      expect(Number(n?.n)).toBe(1);

      const audit = await listAudit(s.engine, s.engine.dialect, { action: 'action.status', limit: 10 });
      expect(audit.map((a) => [a.actor, a.target, (a.details as { status: string }).status])).toEqual([
        ['admin1', `${customerId}/${action}`, 'dismissed'],
        ['admin1', `${customerId}/${action}`, 'done'],
      ]);
    });

    it('answers 404 for a customer outside the caller’s scope, or an action the run did not trigger', async () => {
      const [row] = await sql(
        `SELECT t.customer_id, t.actions FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
       WHERE t.run_id = '${runs[0]}' AND o.rep_id <> '${repId}' AND array_length(t.actions, 1) > 0 ORDER BY t.customer_id LIMIT 1`,
      );
      const payload = {
        runId: runs[0],
        customerId: String(row?.customer_id),
        action: (row?.actions as string[])[0],
        status: 'done',
      };
      const rep = await s.as('rep', { repId });
      const outside = await patch(rep, payload);
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe('NOT_FOUND');
      const analyst = await s.as('analyst');
      expect((await patch(analyst, payload)).statusCode).toBe(200);

      const [none] = await sql(
        `SELECT customer_id FROM tier_snapshots WHERE run_id = '${runs[0]}' AND COALESCE(array_length(actions, 1), 0) = 0 LIMIT 1`,
      );
      const notTriggered = await patch(admin, { ...payload, customerId: String(none?.customer_id) });
      expect(notTriggered.statusCode).toBe(404);
      expect(notTriggered.json().error.details.what).toBe('action');
      expect((await patch(admin, { ...payload, status: 'later' })).statusCode).toBe(400);
    });
  });

  describe('GET /insights/satisfaction', () => {
    it('counts every answer of the range once per grouping, masks rep names for a viewer, rejects bad ranges', async () => {
      const [range] = await sql(
        `SELECT CAST(min(responded_at) AS DATE) AS first, CAST(max(responded_at) AS DATE) AS last, count(*) AS n
         FROM survey_responses`,
      );
      const from = String(range?.first);
      const to = String(range?.last);
      for (const by of ['tier', 'city', 'rep'] as const) {
        const got = await ok<Satisfaction>(`/api/v1/insights/satisfaction?by=${by}&from=${from}&to=${to}`);
        expect(got.overall.responses).toBe(Number(range?.n));
        expect(got.groups.reduce((n, g) => n + g.responses, 0)).toBe(got.overall.responses);
        expect(got.months.reduce((n, m) => n + m.responses, 0)).toBe(got.overall.responses);
        const c = got.complaints;
        expect(c.withComplaints.responses + c.withoutComplaints.responses).toBe(got.overall.responses);
      }
      const named = await ok<Satisfaction>('/api/v1/insights/satisfaction?by=rep');
      const viewer = await s.as('viewer');
      const masked = await ok<Satisfaction>('/api/v1/insights/satisfaction?by=rep', viewer);
      const labels = named.groups.flatMap((g) => (g.label ? [g.label] : []));
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.some((l) => l.includes('*'))).toBe(false);
      expect(masked.groups.map((g) => g.label)).toEqual(
        named.groups.map((g) =>
          g.label ? `${[...g.label][0]}${'*'.repeat([...g.label].length - 1)}` : null,
        ),
      );
      for (const url of [
        '/api/v1/insights/satisfaction?by=district',
        '/api/v1/insights/satisfaction?from=2025-02-30',
        '/api/v1/insights/satisfaction?from=2025-06-02&to=2025-06-01',
      ])
        expect((await get(url, admin)).statusCode, url).toBe(400);
      expect((await get('/api/v1/insights/satisfaction', {})).statusCode).toBe(401);
    });
  });

  describe('parameters are data, never SQL', () => {
    it('treats injection payloads as plain values', async () => {
      const payload = encodeURIComponent("北京' OR '1'='1");
      const o = await ok<Overview>(`/api/v1/insights/overview?city=${payload}`);
      expect(o.distribution.district?.rows).toEqual([]);
      for (const url of [
        `/api/v1/insights/overview?run=${payload}`,
        `/api/v1/insights/migration?from=${payload}`,
        `/api/v1/insights/risk?tag=high_risk&run=${payload}`,
      ])
        expect((await get(url, admin)).statusCode, url).toBe(404);
      for (const url of [
        `/api/v1/insights/migration/customers?fromTier=${payload}`,
        `/api/v1/insights/migration/customers?cursor=${payload}`,
        `/api/v1/insights/risk?tag=high_risk&cursor=${payload}`,
        '/api/v1/insights/risk?tag=high_risk&limit=0',
      ])
        expect((await get(url, admin)).statusCode, url).toBe(400);
    });
  });

  describe('an empty database', () => {
    it('answers 404 NOT_FOUND for the latest run, which the dashboard shows as its empty state', async () => {
      const empty = await apiTestServer({ engine: kind });
      try {
        const res = await empty.app.inject({
          method: 'GET',
          url: '/api/v1/insights/overview',
          headers: await empty.as('viewer'),
        });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.details).toEqual({ what: 'run', id: '(latest)' });
      } finally {
        await empty.close();
      }
    });
  });
});
