import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnowTransactions } from '../../../test/support/cdnow-transactions.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SUMMARY = join(ROOT, 'test/fixtures/cdnow/cdnow_customers_summary_with_transactions.csv');

function stratum(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'clv', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, STRATUM_TZ: 'Asia/Shanghai', STRATUM_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let csv = '';
const CSV_OPTIONS = () =>
  [
    '--transactions',
    csv,
    '--customer-col',
    'cust',
    '--date-col',
    'day',
    '--amount-col',
    'usd',
    '--freq',
    'W',
  ] as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-cli-clv-'));
  csv = join(dir, 'cdnow.csv');
  // The CDNOW sample as any transaction CSV (compact dates), plus two rows that cannot be read.
  const rows = cdnowTransactions().map((t) => `${t.customerId},${t.day.replaceAll('-', '')},${t.dollars}`);
  await writeFile(csv, ['cust,day,usd', ...rows, '77,1997-13-45,1', ',19970105,3'].join('\n'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('stratum clv (CLI) on the CDNOW sample', () => {
  it('fit --transactions prints the JSON contract with the published BG/NBD estimates', () => {
    const r = stratum(
      'fit',
      ...CSV_OPTIONS(),
      '--date-format',
      '%Y%m%d',
      '--calibration-end',
      '1997-09-30',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'model',
      'params',
      'logLikelihood',
      'customers',
      'converged',
      'iterations',
    ]);
    expect(out).toMatchObject({ model: 'bgnbd', customers: 2357, converged: true });
    const rounded = Object.fromEntries(
      Object.entries(out.params as Record<string, number>).map(([k, v]) => [k, +v.toFixed(3)]),
    );
    expect(rounded).toEqual({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(Math.abs(out.logLikelihood + 9582.4)).toBeLessThan(0.1);
  });

  it('reports the rows it leaves out with their line and field', () => {
    const r = stratum('fit', ...CSV_OPTIONS(), '--date-format', '%Y%m%d', '--calibration-end', '1997-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 row(s) left out');
    expect(r.stdout).toContain('line 6921, day: "1997-13-45"');
    expect(r.stdout).toContain('line 6922, cust: ""');
  });

  it('fit --summary with pareto_nbd and gamma_gamma reproduce the published parameters', () => {
    const pareto = JSON.parse(stratum('fit', '--summary', SUMMARY, '--model', 'pareto_nbd', '--json').stdout);
    expect(pareto.params.r).toBeCloseTo(0.553, 3);
    expect(pareto.params.alpha).toBeCloseTo(10.578, 2);
    expect(pareto.params.s).toBeCloseTo(0.606, 3);
    expect(pareto.params.beta).toBeCloseTo(11.669, 2);
    const gg = JSON.parse(stratum('fit', '--summary', SUMMARY, '--model', 'gamma_gamma', '--json').stdout);
    expect(gg).toMatchObject({ model: 'gamma_gamma', customers: 946 });
    expect([gg.params.p.toFixed(2), gg.params.q.toFixed(2)]).toEqual(['6.25', '3.74']);
  });

  it('evaluate compares the holdout predictions with the 1,882 actual repeat purchases', () => {
    const r = stratum(
      'evaluate',
      ...CSV_OPTIONS(),
      '--date-format',
      '%Y%m%d',
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1998-06-30',
      '--json',
    );
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.repeatPurchases.actual).toBe(1882);
    expect(e.holdout.length).toBeCloseTo(39, 9);
    expect(e.byFrequency.reduce((n: number, b: { customers: number }) => n + b.customers, 0)).toBe(2357);
    expect(e.repeatPurchases.predicted).toBeGreaterThan(1500);
    expect(e.repeatPurchases.predicted).toBeLessThan(1882);
    expect(e.spend.repeatBuyers).toBe(946);
    expect(e.perCustomer.correlation).toBeGreaterThan(0.5);
  });

  it('predict writes every customer’s predictions as CSV', async () => {
    const out = join(dir, 'predictions.csv');
    const r = stratum(
      'predict',
      ...CSV_OPTIONS(),
      '--date-format',
      '%Y%m%d',
      '--as-of',
      '1997-09-30',
      '--out',
      out,
      '--top',
      '3',
    );
    expect(r.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,frequency,recency,T,probability_alive,expected_purchases,expected_spend,predicted_margin,clv',
    );
    expect(lines).toHaveLength(2358);
    const clv = lines.slice(1).map((l) => Number(l.split(',')[8]));
    expect(clv.every((v) => v >= 0)).toBe(true);
  });

  it('names a missing column and lists those present', () => {
    const r = stratum('fit', '--transactions', csv, '--customer-col', 'customer', '--date-col', 'day');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no column "customer" (columns: cust, day, usd)');
  });
});
