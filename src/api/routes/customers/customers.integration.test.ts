import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import type { CustomerItem } from '../../../app/customers/customer-item.js';
import { maskName, maskPhone } from '../../../domain/access/masking.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('customers API', (kind) => {
  let s: ApiTestServer;
  let admin: Record<string, string>;
  let runs: string[];
  /** Every customer of the latest run as the admin sees them (unmasked). */
  let all: CustomerItem[];
  let byId: Map<string, CustomerItem>;
  /** The team and the rep with most customers in the latest run. */
  let team: string;
  let repId: string;

  interface Page {
    runId: string;
    items: CustomerItem[];
    nextCursor: string | null;
  }

  async function get(url: string, headers: Record<string, string>) {
    return s.app.inject({ method: 'GET', url, headers });
  }

  /** Every row of a query, page by page; checks that no id comes twice. */
  async function pages(query: string, headers: Record<string, string>, limit = 37): Promise<CustomerItem[]> {
    const out: CustomerItem[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const url: string = `/api/v1/customers?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await get(url, headers);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as Page;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(out.map((c) => c.customerId)).size).toBe(out.length);
    return out;
  }

  const ids = (items: readonly CustomerItem[]) => items.map((c) => c.customerId).sort();
  const utf8Compare = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 300, months: 6, weeks: 2 }, engine: kind });
    admin = await s.as('admin');
    runs = (await s.engine.all('SELECT run_id FROM tiering_runs ORDER BY as_of DESC')).map((r) =>
      String(r.run_id),
    );
    all = await pages('sort=name', admin, 200);
    byId = new Map(all.map((c) => [c.customerId, c]));
    const [topTeam] = await s.engine.all(
      `SELECT o.team, count(*) AS n FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
     WHERE t.run_id = '${runs[0]}' GROUP BY o.team ORDER BY n DESC, o.team LIMIT 1`,
    );
    const [topRep] = await s.engine.all(
      `SELECT o.rep_id, count(*) AS n FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
     WHERE t.run_id = '${runs[0]}' GROUP BY o.rep_id ORDER BY n DESC, o.rep_id LIMIT 1`,
    );
    team = String(topTeam?.team);
    repId = String(topRep?.rep_id);
  });
  afterAll(async () => s?.close());

  describe('GET /customers: the latest run, paged', () => {
    it('returns every customer of the latest run exactly once across pages', async () => {
      expect(runs).toHaveLength(2);
      const [count] = await s.engine.all(
        `SELECT count(*) AS n FROM tier_snapshots WHERE run_id = '${runs[0]}'`,
      );
      expect(all.length).toBe(Number(count?.n));
      expect(all.length).toBeGreaterThan(250);
      const first = (await get('/api/v1/customers', admin)).json() as Page;
      expect(first.runId).toBe(runs[0]);
      expect(first.items).toHaveLength(50);
      for (const limit of [1, 7, 200]) expect(ids(await pages('sort=score', admin, limit))).toEqual(ids(all));
    });

    it('joins the owner and cleaned master data, with tier names in Chinese and English', () => {
      const owned = all.filter((c) => c.owner !== null);
      expect(owned.length).toBe(all.length);
      const gold = all.find((c) => c.tier === 'gold');
      expect(gold?.tierName).toEqual({ zh: '黄金', en: 'Gold' });
      expect(all.every((c) => c.city !== null && c.name !== null)).toBe(true);
    });

    it('reads an older run with ?run= and refuses an unknown run with 404', async () => {
      const older = (await get(`/api/v1/customers?run=${runs[1]}&limit=5`, admin)).json() as Page;
      expect(older.runId).toBe(runs[1]);
      const missing = await get('/api/v1/customers?run=run-nope', admin);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('NOT_FOUND');
    });
  });

  describe('sorting', () => {
    const numeric = (key: 'score' | 'monetary' | 'recencyDays', worst: number) => (c: CustomerItem) =>
      c[key] ?? worst;
    const cases = [
      { sort: 'score', value: numeric('score', -Infinity), defaultDir: 'desc' },
      { sort: 'monetary', value: numeric('monetary', -Infinity), defaultDir: 'desc' },
      { sort: 'recency', value: numeric('recencyDays', Infinity), defaultDir: 'asc' },
      { sort: 'name', value: (c: CustomerItem) => c.name ?? '', defaultDir: 'asc' },
    ] as const;

    for (const { sort, value, defaultDir } of cases)
      for (const dir of ['asc', 'desc'] as const)
        it(`sorts by ${sort} ${dir} with customer_id as tie-break, across pages`, async () => {
          const query = dir === defaultDir ? `sort=${sort}` : `sort=${sort}:${dir}`;
          const got = await pages(query, admin, 23);
          expect(got).toHaveLength(all.length);
          const sign = dir === 'asc' ? 1 : -1;
          for (let i = 1; i < got.length; i++) {
            const a = got[i - 1] as CustomerItem;
            const b = got[i] as CustomerItem;
            const va = value(a);
            const vb = value(b);
            const cmp =
              typeof va === 'string'
                ? utf8Compare(va, vb as string)
                : va === vb
                  ? 0
                  : va < (vb as number)
                    ? -1
                    : 1;
            const order = cmp !== 0 ? cmp : utf8Compare(a.customerId, b.customerId);
            expect(sign * order, `${a.customerId} before ${b.customerId}`).toBeLessThan(0);
          }
        });

    it('takes the direction from order= too', async () => {
      const a = (await get('/api/v1/customers?sort=score&order=asc&limit=10', admin)).json() as Page;
      const b = (await get('/api/v1/customers?sort=score:asc&limit=10', admin)).json() as Page;
      expect(a.items.map((c) => c.customerId)).toEqual(b.items.map((c) => c.customerId));
    });
  });

  describe('filters', () => {
    const pick = <K extends keyof CustomerItem>(key: K) => {
      const counts = new Map<CustomerItem[K], number>();
      for (const c of all) counts.set(c[key], (counts.get(c[key]) ?? 0) + 1);
      return [...counts.entries()].filter(([v]) => v !== null).sort((x, y) => y[1] - x[1])[0]?.[0];
    };

    it('filters by tier, tag, city, district, type, cuisine, owner, team, score range and text', async () => {
      const city = pick('city') as string;
      const district = pick('district') as string;
      const cuisine = pick('cuisine') as string;
      const tagged = all.find((c) => c.tags.length > 0);
      const tag = tagged?.tags[0] as string;
      const scores = all
        .map((c) => c.score)
        .filter((x): x is number => x !== null)
        .sort((x, y) => x - y);
      const lo = scores[Math.floor(scores.length * 0.25)] as number;
      const hi = scores[Math.floor(scores.length * 0.75)] as number;
      const named = all.find((c) => (c.name ?? '').length >= 3) as CustomerItem;
      const fragment = [...(named.name ?? '')].slice(1, 3).join('');
      const cases: [string, (c: CustomerItem) => boolean][] = [
        ['tier=gold', (c) => c.tier === 'gold'],
        [`tag=${tag}`, (c) => c.tags.includes(tag as CustomerItem['tags'][number])],
        [`city=${encodeURIComponent(city)}`, (c) => c.city === city],
        [`district=${encodeURIComponent(district)}`, (c) => c.district === district],
        ['type=chain', (c) => c.type === 'chain'],
        [`cuisine=${encodeURIComponent(cuisine)}`, (c) => c.cuisine === cuisine],
        [`owner=${repId}`, (c) => c.owner?.repId === repId],
        [`team=${encodeURIComponent(team)}`, (c) => c.owner?.team === team],
        [`scoreMin=${lo}`, (c) => c.score !== null && c.score >= lo],
        [`scoreMax=${hi}`, (c) => c.score !== null && c.score <= hi],
        [
          `scoreMin=${lo}&scoreMax=${hi}&tier=silver`,
          (c) => c.tier === 'silver' && c.score! >= lo && c.score! <= hi,
        ],
        [`q=${encodeURIComponent(fragment)}`, (c) => (c.name ?? '').includes(fragment)],
        [`q=${all[0]?.customerId.toLowerCase()}`, (c) => c.customerId === all[0]?.customerId],
        [`city=${encodeURIComponent(city)}&tier=bronze`, (c) => c.city === city && c.tier === 'bronze'],
      ];
      for (const [query, keep] of cases) {
        const expected = all.filter(keep);
        const got = await pages(query, admin, 50);
        expect(ids(got), query).toEqual(ids(expected));
        expect(got.length, query).toBeGreaterThan(0);
      }
    });

    it('returns an empty page for a value nobody has', async () => {
      const page = (await get('/api/v1/customers?city=%E7%81%AB%E6%98%9F', admin)).json() as Page;
      expect(page).toMatchObject({ items: [], nextCursor: null });
    });

    it('refuses bad parameters with 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['limit=201', 'querystring.limit'],
        ['limit=0', 'querystring.limit'],
        ['tier=diamond', 'querystring.tier'],
        ['tag=vip', 'querystring.tag'],
        ['sort=phone', 'querystring.sort'],
        ['scoreMin=abc', 'querystring.scoreMin'],
        ['colour=red', 'querystring'],
        ['cursor=not-a-cursor', 'cursor'],
      ];
      for (const [query, field] of cases) {
        const res = await get(`/api/v1/customers?${query}`, admin);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code).toBe('INVALID_ARGUMENT');
        expect(res.json().error.details.field, query).toBe(field);
      }
    });

    it('refuses a cursor used with another sort', async () => {
      const page = (await get('/api/v1/customers?sort=score&limit=5', admin)).json() as Page;
      const res = await get(`/api/v1/customers?sort=name&cursor=${page.nextCursor}`, admin);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('cursor');
    });
  });

  describe('scope by role', () => {
    it('shows analysts every customer', async () => {
      expect(ids(await pages('sort=score', await s.as('analyst'), 200))).toEqual(ids(all));
    });

    it('shows a manager only the customers of their team', async () => {
      const manager = await s.as('manager', { team });
      const got = await pages('sort=score', manager, 50);
      expect(ids(got)).toEqual(ids(all.filter((c) => c.owner?.team === team)));
      const other = all.find((c) => c.owner?.team !== team) as CustomerItem;
      expect((await get(`/api/v1/customers/${other.customerId}`, manager)).statusCode).toBe(404);
      const nobody = await s.as('manager', { team: '没有这个组' });
      expect((await get('/api/v1/customers', nobody)).json()).toMatchObject({ items: [] });
    });

    it('shows a rep only their own customers, and 404 (not 403) for another rep’s', async () => {
      const rep = await s.as('rep', { repId });
      const got = await pages('sort=score', rep, 50);
      expect(got.length).toBeGreaterThan(0);
      expect(ids(got)).toEqual(ids(all.filter((c) => c.owner?.repId === repId)));
      const own = got[0] as CustomerItem;
      expect((await get(`/api/v1/customers/${own.customerId}`, rep)).statusCode).toBe(200);
      const other = all.find((c) => c.owner?.repId !== repId) as CustomerItem;
      const res = await get(`/api/v1/customers/${other.customerId}`, rep);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      const unknown = await get('/api/v1/customers/C999999', rep);
      expect(unknown.json()).toEqual({
        ...res.json(),
        error: {
          ...res.json().error,
          message: expect.any(String),
          details: { what: 'customer', id: 'C999999' },
        },
      });
    });

    it('refuses customer rows to viewers and integration keys with 403', async () => {
      for (const headers of [await s.as('viewer'), await s.key('integration')]) {
        for (const url of ['/api/v1/customers', `/api/v1/customers/${all[0]?.customerId}`]) {
          const res = await get(url, headers);
          expect(res.statusCode, url).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
      }
      expect((await get('/api/v1/customers', {})).statusCode).toBe(401);
    });
  });

  describe('personal data', () => {
    const contactOf = (items: CustomerItem[]) => new Map(items.map((c) => [c.customerId, c.contact]));

    it('is shown to admins, managers and reps, and masked for analysts (phone 138****5678, name 张*, district only)', async () => {
      expect(all.every((c) => c.contact.phone === null || /^1\d{10}$|^\d{7,}$/.test(c.contact.phone))).toBe(
        true,
      );
      const analyst = contactOf(await pages('sort=score', await s.as('analyst'), 200));
      for (const c of all) {
        const masked = analyst.get(c.customerId);
        expect(masked?.phone).toBe(maskPhone(c.contact.phone));
        expect(masked?.name).toBe(maskName(c.contact.name));
        expect(masked?.address).toBe(c.district);
      }
      expect([...analyst.values()].some((m) => /^1\d\d\*{4}\d{4}$/.test(m.phone ?? ''))).toBe(true);
      const rep = contactOf(await pages('sort=score', await s.as('rep', { repId }), 200));
      for (const [id, contact] of rep) expect(contact).toEqual(byId.get(id)?.contact);
      const manager = contactOf(await pages('sort=score', await s.as('manager', { team }), 200));
      for (const [id, contact] of manager) expect(contact).toEqual(byId.get(id)?.contact);
    });

    it('is masked in the detail for analysts too', async () => {
      const c = all[0] as CustomerItem;
      const res = await get(`/api/v1/customers/${c.customerId}`, await s.as('analyst'));
      expect(res.json().customer.contact).toEqual({
        phone: maskPhone(c.contact.phone),
        name: maskName(c.contact.name),
        address: c.district,
      });
    });
  });

  describe('GET /customers/:id', () => {
    it('gives tier, score, tags with reasons in Chinese and English, policy, explanation and history', async () => {
      const c = all.find((x) => x.tags.length > 0 && x.tier !== null) as CustomerItem;
      const res = await get(`/api/v1/customers/${c.customerId}`, admin);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.runId).toBe(runs[0]);
      expect(body.customer).toEqual(c);
      expect(body.tags.map((t: { tag: string }) => t.tag)).toEqual(c.tags);
      for (const t of body.tags) {
        expect(t.reason.en.length).toBeGreaterThan(0);
        expect(t.reason.zh.length).toBeGreaterThan(0);
        expect(t.name.zh.length).toBeGreaterThan(0);
      }
      expect(body.customer.policy).not.toBeNull();
      expect(body.explanation).toMatchObject({ customerId: c.customerId, tier: c.tier, score: c.score });
      const sum = body.explanation.contributions.reduce(
        (acc: number, x: { contribution: number }) => acc + x.contribution,
        0,
      );
      expect(sum).toBeCloseTo(c.score ?? 0, 6);
      expect(body.history.map((h: { runId: string }) => h.runId)).toEqual(runs);
      expect(body.history[0]).toMatchObject({ tier: c.tier, score: c.score });
    });

    it('answers a merged duplicate through its survivor', async () => {
      const [merge] = await s.engine.all(
        `SELECT m.customer_id, m.survivor_id FROM customer_merges m JOIN tier_snapshots t
       ON t.customer_id = m.survivor_id AND t.run_id = '${runs[0]}' ORDER BY m.customer_id LIMIT 1`,
      );
      expect(merge).toBeDefined();
      const res = await get(`/api/v1/customers/${merge?.customer_id}`, admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        mergedFrom: merge?.customer_id,
        customer: { customerId: merge?.survivor_id },
      });
    });

    it('is 404 for an unknown id', async () => {
      const res = await get('/api/v1/customers/NOPE', admin);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.details).toEqual({ what: 'customer', id: 'NOPE' });
    });
  });

  describe('OpenAPI', () => {
    it('documents the customer, tier and export endpoints with their parameters', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json() as {
        paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      };
      for (const path of [
        '/api/v1/customers/',
        '/api/v1/customers/{id}',
        '/api/v1/tiers/{customerId}',
        '/api/v1/tiers/batch',
        '/api/v1/export/',
      ])
        expect(Object.keys(doc.paths), path).toContain(path);
      const params = doc.paths['/api/v1/customers/']?.get?.parameters?.map((p) => p.name) ?? [];
      for (const name of ['tier', 'tag', 'city', 'owner', 'team', 'scoreMin', 'q', 'sort', 'cursor', 'limit'])
        expect(params).toContain(name);
    });
  });

  describe('GET /customers/:id series', () => {
    it('gives 12 calendar months to the as-of day whose orders and net purchases add up to the clean data', async () => {
      const busiest = [...all].sort((a, b) => (b.monetary ?? 0) - (a.monetary ?? 0))[0];
      const res = await get(`/api/v1/customers/${busiest?.customerId}`, admin);
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        asOf: string;
        customer: { customerId: string };
        series: {
          month: string;
          orders: number;
          netPurchases: number;
          invoiced: number;
          paid: number;
          overdue: number;
        }[];
      };
      expect(body.series).toHaveLength(12);
      expect(body.series.at(-1)?.month).toBe(body.asOf.slice(0, 7));
      const months = body.series.map((p) => p.month);
      expect([...months].sort()).toEqual(months);
      const from = `${months[0]}-01`;
      const id = body.customer.customerId;
      const [o] = await s.engine.all({
        sql: `SELECT count(*) AS n, COALESCE(sum(amount), 0) AS amount FROM orders_clean
            WHERE customer_id = $1 AND status = 'completed' AND ordered_at >= CAST($2 AS DATE)
              AND ordered_at < CAST($3 AS DATE) + INTERVAL '1 day'`,
        params: [id, from, body.asOf],
      });
      const [r] = await s.engine.all({
        sql: `SELECT COALESCE(sum(amount), 0) AS amount FROM refunds_clean
            WHERE customer_id = $1 AND refunded_at >= CAST($2 AS DATE) AND refunded_at < CAST($3 AS DATE) + INTERVAL '1 day'`,
        params: [id, from, body.asOf],
      });
      const sum = (k: 'orders' | 'netPurchases' | 'paid' | 'invoiced') =>
        body.series.reduce((t, p) => t + p[k], 0);
      expect(sum('orders')).toBe(Number(o?.n));
      expect(sum('orders')).toBeGreaterThan(0);
      expect(sum('netPurchases')).toBeCloseTo(Number(o?.amount) - Number(r?.amount), 1);
      expect(sum('paid')).toBeLessThanOrEqual(sum('invoiced') + 0.01);
    });
  });
});
