import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { truthDatabase } from '../../../test/support/demo-database.js';
import { ForecastSchema } from '../../contracts/forecast/forecast.js';
import { registerForecastCommand } from './forecast.js';

let dir = '';
let db = '';

/** `stratum forecast …`. */
const forecast = (...args: string[]) => runCli([registerForecastCommand], ['forecast', ...args]);

beforeAll(async () => {
  const demo = await truthDatabase({ customers: 400, seed: 9, months: 12, end: '2024-06-30' });
  await demo.engine.close();
  dir = demo.dir;
  db = join(dir, 'stratum.duckdb');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stratum forecast (CLI)', () => {
  it('--holdout --json prints the contract, and --out writes every cell as CSV', async () => {
    const csv = join(dir, 'cells.csv');
    const r = await forecast(
      '--weeks',
      '2',
      '--holdout',
      '--by',
      'tier,category',
      '--json',
      '--out',
      csv,
      '--db',
      db,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const f = ForecastSchema.parse(JSON.parse(r.stdout));
    expect(f).toMatchObject({ asOf: '2024-06-16', weeks: 2, by: ['category', 'tier'], tieringRun: null });
    expect(f.evaluation?.value.byWeek).toHaveLength(2);
    const rows = Papa.parse<Record<string, string>>(await readFile(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.meta.fields).toEqual([
      'week',
      'from',
      'to',
      'category',
      'tier',
      'value',
      'quantity',
      'new_customer_value',
      'actual_value',
      'actual_quantity',
      'naive_value',
      'naive_quantity',
    ]);
    expect(rows.data).toHaveLength(f.cells.length);
    expect(rows.data[0]?.value).toBe(f.cells[0]?.value.toFixed(2));
  });

  it('prints the weekly totals, the largest cells and the holdout scores as text', async () => {
    const r = await forecast('--weeks', '2', '--evaluate', '--top', '3', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Demand forecast for 2 week\(s\) after 2024-06-16: BG\/NBD and Gamma-Gamma/);
    expect(r.stdout).toContain('every customer "untiered"');
    expect(r.stdout).toMatch(/\nall +2024-06-17 +2024-06-30 /);
    expect(r.stdout).toContain('The 3 largest of');
    expect(r.stdout).toMatch(/horizon \(\d+ cells\) +\d+\.\d %/);
  });

  it('refuses unknown dimensions and a missing database in one line', async () => {
    const bad = await forecast('--weeks', '2', '--by', 'category,region', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^stratum: invalid options: --by\.1: /);
    const missing = await forecast('--db', join(dir, 'none.duckdb'));
    expect(missing.stderr).toMatch(/no database at .*none\.duckdb.*\[DATABASE_MISSING\]\n$/);
  });
});
