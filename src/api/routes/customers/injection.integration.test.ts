import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('customers API injection', (kind) => {
  /**
   * Classic SQL injection payloads sent through every filter, sort, cursor and id parameter of the customers,
   * tiers and export endpoints: each answer must be a 400 or a normal result (never a 500, never more rows than
   * the caller may see), and every table must still be there with the same rows afterwards.
   */
  const PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '" OR ""="',
    '"; DROP TABLE customers; --',
    "'; DROP TABLE tier_snapshots; --",
    "1; DELETE FROM customer_owners WHERE '1'='1",
    "gold' UNION SELECT * FROM users --",
    "x' UNION ALL SELECT password_hash, NULL FROM users --",
    '\u2019 OR 1=1 --',
    '\u02bc OR \u02bc1\u02bc=\u02bc1',
    '\uff07 OR 1=1 --',
    '\u201c; DROP TABLE customers; --',
    "%' OR customer_id LIKE '%",
    '_%',
    '\\',
    "\\'; SELECT 1; --",
    '1/*comment*/OR/**/1=1',
    '$1',
    '?',
    'NULL',
    '0 OR 1=1',
    '1e309',
    '-1e309',
    'NaN',
    "北京' OR '1'='1",
    "'; ATTACH 'evil.db' AS evil; --",
    "'; COPY customers TO '/tmp/stolen.csv'; --",
    '\u0000',
    "') OR ('1'='1",
    'a'.repeat(5000),
  ];

  const FILTERS = ['tier', 'tag', 'city', 'district', 'type', 'cuisine', 'owner', 'team', 'q', 'run'];
  const NUMERIC = ['scoreMin', 'scoreMax', 'limit'];
  const SORTING = ['sort', 'order', 'cursor'];

  /** Cursors a client could forge: valid base64url JSON carrying payloads in every field. */
  function forgedCursors(): string[] {
    const docs = PAYLOADS.slice(0, 12).flatMap((p) => [
      { r: p, s: 'score', d: 'desc', v: 1, i: 'C000001' },
      { r: 'x', s: 'score', d: 'desc', v: p, i: 'C000001' },
      { r: 'x', s: 'name', d: 'asc', v: p, i: p },
      { r: 'x', s: p, d: 'desc', v: 1, i: 'C000001' },
      { r: 'x', s: 'score', d: p, v: 1, i: 'C000001' },
    ]);
    return [
      ...docs.map((d) => Buffer.from(JSON.stringify(d)).toString('base64url')),
      ...PAYLOADS.slice(0, 8).map((p) => Buffer.from(p).toString('base64url')),
    ];
  }

  let s: ApiTestServer;
  let admin: Record<string, string>;
  let rep: Record<string, string>;
  let key: Record<string, string>;
  let repRows: number;
  let latestRun: string;
  let counts: Record<string, number>;

  const TABLES = [
    'customers',
    'customer_owners',
    'tier_snapshots',
    'tiering_runs',
    'customer_merges',
    'users',
    'api_keys',
  ];

  async function tableCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of TABLES) {
      const [row] = await s.engine.all(`SELECT count(*) AS n FROM ${t}`);
      out[t] = Number(row?.n);
    }
    return out;
  }

  beforeAll(async () => {
    s = await apiTestServer({ demo: { customers: 300, months: 6, weeks: 2 }, engine: kind });
    admin = await s.as('admin');
    const [owner] = await s.engine.all(
      'SELECT rep_id, count(*) AS n FROM customer_owners_clean GROUP BY rep_id ORDER BY n DESC, rep_id LIMIT 1',
    );
    rep = await s.as('rep', { repId: String(owner?.rep_id) });
    const [run] = await s.engine.all('SELECT run_id FROM tiering_runs ORDER BY as_of DESC LIMIT 1');
    latestRun = String(run?.run_id);
    const [mine] = await s.engine.all(
      `SELECT count(*) AS n FROM tier_snapshots t JOIN customer_owners_clean o USING (customer_id)
     WHERE t.run_id = '${latestRun}' AND o.rep_id = '${owner?.rep_id}'`,
    );
    repRows = Number(mine?.n);
    key = await s.key('integration');
    counts = await tableCounts();
  });
  afterAll(async () => s?.close());

  type Outcome = { status: number; rows: number | null };

  async function send(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ): Promise<Outcome> {
    const res = await s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    // 414: Fastify refuses a path parameter over 100 characters before routing.
    expect([200, 400, 404, 414], `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
      res.statusCode,
    );
    if (res.statusCode === 414) return { status: 414, rows: null };
    if (res.statusCode !== 200) {
      expect(res.json().error.code).toMatch(/^(INVALID_ARGUMENT|NOT_FOUND)$/);
      return { status: res.statusCode, rows: null };
    }
    const body = String(res.headers['content-type']).startsWith('application/json') ? res.json() : null;
    const rows = body?.items ? body.items.length : body ? 1 : res.body.split('\n').filter(Boolean).length;
    return { status: 200, rows };
  }

  describe('SQL injection attempts', () => {
    it('through every filter, numeric and sort parameter of GET /customers', async () => {
      for (const param of [...FILTERS, ...NUMERIC, ...SORTING])
        for (const payload of PAYLOADS) {
          const url = `/api/v1/customers?${param}=${encodeURIComponent(payload)}`;
          const out = await send('GET', url, admin);
          // A text filter that matches nothing gives an empty page; nothing ever widens the result.
          if (out.status === 200 && FILTERS.includes(param)) expect(out.rows, url).toBe(0);
          const scoped = await send('GET', `${url}&limit=200`, rep);
          if (scoped.status === 200) expect(scoped.rows ?? 0, url).toBeLessThanOrEqual(repRows);
        }
    });

    it('through forged cursors', async () => {
      for (const cursor of forgedCursors())
        for (const sort of ['score', 'name'])
          await send('GET', `/api/v1/customers?sort=${sort}&cursor=${encodeURIComponent(cursor)}`, admin);
    });

    it('through the customer id of GET /customers/:id and GET /tiers/:id', async () => {
      for (const payload of PAYLOADS) {
        const id = encodeURIComponent(payload);
        for (const [url, headers] of [
          [`/api/v1/customers/${id}`, admin],
          [`/api/v1/customers/${id}`, rep],
          [`/api/v1/tiers/${id}`, key],
          [`/api/v1/tiers/${id}`, rep],
          [`/api/v1/customers/C000001?run=${id}`, admin],
          [`/api/v1/tiers/C000001?run=${id}`, key],
        ] as const) {
          const out = await send('GET', url, headers);
          expect(out.status, url).not.toBe(200);
        }
      }
    });

    it('through the ids and run of POST /tiers/batch', async () => {
      const ids = PAYLOADS.filter((p) => p.length <= 64);
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/tiers/batch',
        headers: key,
        payload: { ids },
      });
      expect(res.statusCode).toBe(400); // the NUL payload is refused by the schema
      const printable = ids.filter((p) => !p.includes('\u0000'));
      const ok = await s.app.inject({
        method: 'POST',
        url: '/api/v1/tiers/batch',
        headers: key,
        payload: { ids: printable },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ items: [], missing: printable });
      for (const payload of PAYLOADS)
        await send('POST', '/api/v1/tiers/batch', key, { ids: ['C000001'], run: payload });
    });

    it('through every parameter of GET /export', async () => {
      for (const param of ['format', ...FILTERS, 'scoreMin', 'scoreMax'])
        for (const payload of PAYLOADS) {
          const base = param === 'format' ? '' : 'format=jsonl&';
          const out = await send('GET', `/api/v1/export?${base}${param}=${encodeURIComponent(payload)}`, key);
          if (out.status === 200 && FILTERS.includes(param)) expect(out.rows).toBe(0);
        }
    });

    it('leaves every table in place with the same rows', async () => {
      expect(await tableCounts()).toEqual(counts);
      const all = await s.app.inject({ method: 'GET', url: '/api/v1/customers?limit=1', headers: admin });
      expect(all.statusCode).toBe(200);
      expect(all.json().runId).toBe(latestRun);
    });
  });
});
