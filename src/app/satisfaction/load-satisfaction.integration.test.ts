import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshEngine } from '../../../test/support/engines.js';
import type { SatisfactionGrouping, SatisfactionMetrics } from '../../contracts/insights/satisfaction.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { Engine } from '../../engines/engine.js';
import { loadSatisfaction } from './load-satisfaction.js';

/**
 * loadSatisfaction (aggregated in the engine) against the same figures computed here from the seeded rows: which run
 * gives an answer's tier, who its rep is, whether a complaint falls in the 90 days up to it, and the NPS and CSAT
 * arithmetic. Answers near midnight check that days are those of the business time zone.
 */

interface Customer {
  readonly id: string;
  readonly city: string;
  readonly chain: string | null;
  readonly owner: string | null;
}
const CUSTOMERS: readonly Customer[] = [
  { id: 'C1', city: '北京', chain: null, owner: 'R1' },
  { id: 'C2', city: '北京', chain: null, owner: 'R2' },
  { id: 'C3', city: '上海', chain: null, owner: 'R2' },
  { id: 'C4', city: '上海', chain: 'K1', owner: null },
  { id: 'C5', city: '北京', chain: 'K1', owner: 'R1' },
  // A duplicate of C1, merged into it by cleaning.
  { id: 'C6', city: '北京', chain: null, owner: 'R3' },
];
const MERGED: Readonly<Record<string, string>> = { C6: 'C1' };
const REP_NAMES: Readonly<Record<string, string>> = { R1: '王伟', R2: '李娜', R3: '张敏' };
/**
 * The label of each rep: the roster's name (only R1 is in the roster, as 王伟伟), else the name on the owner row of a
 * customer it owns; R3 owns only C6, merged into C1 (owned by R1), so answers naming R3 have no name.
 */
const LABELS: Readonly<Record<string, string>> = { R1: '王伟伟', R2: '李娜' };

/** Runs by as-of date; the chain run's snapshots are keyed by the chain id. */
const RUNS = [
  { id: 'r-mar', asOf: '2025-03-31', unit: 'customer' },
  { id: 'r-may', asOf: '2025-05-31', unit: 'chain' },
] as const;
const TIERS_OF: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  'r-mar': { C1: 'gold', C2: 'silver', C3: 'bronze', C4: 'platinum', C5: null },
  'r-may': { C1: 'platinum', C2: 'bronze', C3: 'bronze', K1: 'gold' },
};
const COMPLAINT_DAYS: readonly [string, string][] = [
  ['C2', '2025-02-10'],
  ['C3', '2025-04-20'],
  ['C6', '2025-05-02'],
];

interface Answer {
  readonly id: string;
  readonly customer: string;
  readonly at: string;
  readonly day: string;
  readonly kind: 'nps' | 'csat';
  readonly score: number;
  readonly rep: string | null;
}

function answers(): Answer[] {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const out: Answer[] = [];
  for (let i = 0; i < 90; i++) {
    const customer = CUSTOMERS[Math.floor(next() * CUSTOMERS.length)]!.id;
    const day = addDays('2025-01-01', Math.floor(next() * 181));
    // Some answers just after midnight in Shanghai (the previous day in UTC).
    const time = next() < 0.2 ? '00:30:00' : '14:00:00';
    const kind = next() < 0.65 ? 'nps' : 'csat';
    const score = kind === 'nps' ? Math.floor(next() * 11) : 1 + Math.floor(next() * 5);
    const rep = next() < 0.25 ? 'R3' : null;
    out.push({ id: `S${i}`, customer, at: `${day} ${time}+08:00`, day, kind, score, rep });
  }
  return out;
}

function metrics(xs: readonly Answer[]): SatisfactionMetrics {
  const nps = xs.filter((a) => a.kind === 'nps');
  const csat = xs.filter((a) => a.kind === 'csat');
  const promoters = nps.filter((a) => a.score >= 9).length;
  const detractors = nps.filter((a) => a.score <= 6).length;
  return {
    responses: xs.length,
    customers: new Set(xs.map((a) => MERGED[a.customer] ?? a.customer)).size,
    npsResponses: nps.length,
    promoters,
    passives: nps.length - promoters - detractors,
    detractors,
    nps: nps.length === 0 ? null : (100 * (promoters - detractors)) / nps.length,
    csatResponses: csat.length,
    csatMean: csat.length === 0 ? null : csat.reduce((s, a) => s + a.score, 0) / csat.length,
  };
}

const survivor = (id: string) => MERGED[id] ?? id;
const customer = (id: string) => CUSTOMERS.find((c) => c.id === survivor(id))!;

function tierOf(a: Answer): string | null {
  const dated = RUNS.filter((r) => r.asOf <= a.day);
  const run = dated.length > 0 ? dated[dated.length - 1]! : RUNS[0];
  const c = customer(a.customer);
  const unit = run.unit === 'chain' && c.chain ? c.chain : c.id;
  return TIERS_OF[run.id]?.[unit] ?? null;
}

const repOf = (a: Answer) => a.rep ?? customer(a.customer).owner;

function keyOf(by: SatisfactionGrouping, a: Answer): string | null {
  if (by === 'tier') return tierOf(a);
  if (by === 'city') return customer(a.customer).city;
  return repOf(a);
}

const complained = (a: Answer) =>
  COMPLAINT_DAYS.some(
    ([c, day]) => survivor(c) === survivor(a.customer) && day <= a.day && day >= addDays(a.day, -89),
  );

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

describeEachEngine('loadSatisfaction', (kind) => {
  let engine: Engine | undefined;
  const all = answers();
  beforeAll(async () => {
    ({ engine } = await freshEngine(kind));
    const e = engine;
    await e.run(`INSERT INTO regions VALUES ('北京', '朝阳区', 10, 0.5), ('上海', '浦东新区', 10, 0.5)`);
    await e.run(
      `INSERT INTO customers (customer_id, name, customer_type, chain_id, city, district, created_date) VALUES ${CUSTOMERS.map(
        (c) =>
          `('${c.id}', '店${c.id}', '${c.chain ? 'chain' : 'single'}', ${c.chain ? `'${c.chain}'` : 'NULL'}, '${c.city}', '${c.city === '北京' ? '朝阳区' : '浦东新区'}', DATE '2023-01-01')`,
      ).join(', ')}`,
    );
    await e.run(`INSERT INTO customer_merges VALUES ('C6', 'C1', 'C1', 'same_phone', 0.9, '{}', 'r1')`);
    await e.run(
      `INSERT INTO customer_owners VALUES ${CUSTOMERS.filter((c) => c.owner)
        .map((c) => `('${c.id}', '${c.owner}', '${REP_NAMES[c.owner!]}', '一组', NULL)`)
        .join(', ')}`,
    );
    // The roster's name wins over the owner row's.
    await e.run(
      `INSERT INTO reps (rep_id, name, team, role, seniority, city, home_lat, home_lon, capacity_points)
       VALUES ('R1', '王伟伟', '一组', 'sales', 'senior', '北京', 39.9, 116.4, 30)`,
    );
    await e.run(
      `INSERT INTO complaints VALUES ${COMPLAINT_DAYS.map(
        ([c, day], i) => `('K${i}', '${c}', TIMESTAMPTZ '${day} 23:00:00+08:00', 'delivery', 'low')`,
      ).join(', ')}`,
    );
    for (const run of RUNS) {
      await e.run(
        `INSERT INTO tiering_runs (run_id, as_of, started_at, finished_at, config_hash, config, primary_model, customers, duration_ms, ${e.dialect.quoteIdent('trigger')})
         VALUES ('${run.id}', DATE '${run.asOf}', TIMESTAMPTZ '${run.asOf} 20:00:00+08:00', TIMESTAMPTZ '${run.asOf} 20:01:00+08:00', 'h', '{}', 'm', 5, 1, 'run')`,
      );
      const snapshots = Object.entries(TIERS_OF[run.id] ?? {});
      await e.run(
        `INSERT INTO tier_snapshots (run_id, customer_id, tier) VALUES ${snapshots
          .map(([id, tier]) => `('${run.id}', '${id}', ${tier ? `'${tier}'` : 'NULL'})`)
          .join(', ')}`,
      );
    }
    await e.run(
      `INSERT INTO survey_responses VALUES ${all
        .map(
          (a) =>
            `('${a.id}', '${a.customer}', TIMESTAMPTZ '${a.at}', 'app', '${a.kind}', ${a.score}, NULL, ${a.rep ? `'${a.rep}'` : 'NULL'})`,
        )
        .join(', ')}`,
    );
  });
  afterAll(async () => {
    await engine?.close();
  });

  for (const by of ['tier', 'city', 'rep'] as const) {
    it(`by ${by}: overall, groups, months and complaints equal an independent computation`, async () => {
      const from = '2025-02-01';
      const to = '2025-06-15';
      const got = await loadSatisfaction(engine as Engine, { by, from, to, personalVisible: true });
      const inRange = all.filter((a) => a.day >= from && a.day <= to);
      expect(inRange.length).toBeGreaterThan(40);
      expect(inRange.length).toBeLessThan(all.length);
      expect(got.overall).toEqual(metrics(inRange));

      const groups = groupBy(inRange, (a) => String(keyOf(by, a)));
      expect(new Map(got.groups.map((g) => [String(g.key), g]))).toEqual(
        new Map(
          [...groups].map(([key, xs]) => {
            const label = by === 'rep' ? (LABELS[key] ?? null) : null;
            return [key, { key: key === 'null' ? null : key, label, ...metrics(xs) }];
          }),
        ),
      );
      expect(got.months.map((m) => m.month)).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
      for (const m of got.months)
        expect(m).toEqual({ month: m.month, ...metrics(inRange.filter((a) => a.day.startsWith(m.month))) });
      const cells = groupBy(inRange, (a) => `${String(keyOf(by, a))}|${a.day.slice(0, 7)}`);
      expect(got.groupMonths.map((g) => `${String(g.key)}|${g.month}`).sort()).toEqual(
        [...cells.keys()].sort(),
      );
      for (const g of got.groupMonths)
        expect(g).toMatchObject(metrics(cells.get(`${String(g.key)}|${g.month}`)!));

      expect(got.complaints.withComplaints).toEqual(metrics(inRange.filter(complained)));
      expect(got.complaints.withoutComplaints).toEqual(metrics(inRange.filter((a) => !complained(a))));
      expect(got.complaints.withComplaints.responses).toBeGreaterThan(0);
    });
  }

  it('masks rep names for callers without personal data, and defaults to the 12 months up to the latest answer', async () => {
    const got = await loadSatisfaction(engine as Engine, { by: 'rep' });
    expect(got.to).toBe(
      all
        .map((a) => a.day)
        .sort()
        .at(-1),
    );
    expect(got.from).toBe('2024-07-01');
    expect(got.months).toHaveLength(12);
    expect(got.overall.responses).toBe(all.length);
    expect(new Map(got.groups.map((g) => [g.key, g.label]))).toEqual(
      new Map([
        ['R1', '王**'],
        ['R2', '李*'],
        ['R3', null],
        [null, null], // C4 has no owner
      ]),
    );
  });
});
