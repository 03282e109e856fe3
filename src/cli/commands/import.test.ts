import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function stratum(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, STRATUM_TZ: 'Asia/Shanghai', STRATUM_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function fixtureDir(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-cli-import-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return { dir, db: join(dir, 'db', 'stratum.duckdb') };
}

const REGIONS = '城市,区县,配送成本,竞争指数\n北京,朝阳区,12.5,0.4\n';
const CUSTOMERS = '客户编号,客户名称,客户类型,城市,区县,注册日期\nC1,a,单店,北京,朝阳区,2023-01-02\n';

describe('stratum import (CLI)', () => {
  it('prints the JSON contract and exits 0 when rows load, even with quarantined rows', async () => {
    const { dir, db } = await fixtureDir({
      '区域.csv': REGIONS,
      '客户.csv': CUSTOMERS,
      '订单.csv':
        '订单编号,客户编号,下单时间,金额,状态\nO1,C1,2024-05-01 10:00,10,已完成\nO2,C9,2024-05-01 10:00,10,已完成\n',
    });
    const r = stratum('--db', db, '--dir', dir, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['sources', 'quarantine']);
    expect(Object.keys(out.sources)).toEqual(['regions', 'customers', 'orders']);
    expect(out.sources.orders).toMatchObject({
      read: 2,
      loaded: 1,
      quarantined: 1,
      duplicates: 0,
      updated: 0,
    });
    expect(out.quarantine).toEqual([
      { file: join(dir, '订单.csv'), row: 3, field: 'customer_id', reason: 'unknown customer C9' },
    ]);

    const again = stratum('--db', db, '--source', 'orders', '--file', join(dir, '订单.csv'), '--json');
    expect(again.code).toBe(0); // everything already loaded: duplicates, not a failure
    expect(JSON.parse(again.stdout).sources.orders).toMatchObject({
      read: 2,
      loaded: 0,
      duplicates: 1,
      quarantined: 1,
    });
  });

  it('caps the quarantine list and exits 1 when nothing could be loaded', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `R${i},朝阳区,-1,0.4`).join('\n');
    const { dir, db } = await fixtureDir({
      'regions.csv': `city,district,delivery_cost_per_order,competition_index\n${rows}\n`,
    });
    const r = stratum('--db', db, '--dir', dir, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sources.regions).toMatchObject({ read: 150, loaded: 0, quarantined: 150 });
    expect(out.quarantine).toHaveLength(100);
    expect(out.quarantine[0]).toEqual({
      file: join(dir, 'regions.csv'),
      row: 2,
      field: 'delivery_cost_per_order',
      reason: '-1.00 is negative',
    });
    expect(r.stderr).toMatch(/50 more quarantined rows not listed; the full list is in the quarantine table/);
    expect(r.stderr).toMatch(/nothing could be loaded/);
  });

  it('exits 1 with one readable line naming the file for an unknown format, and prints a summary table', async () => {
    const { dir, db } = await fixtureDir({ 'orders.xls': 'x', '区域.csv': REGIONS });
    const bad = stratum('--db', db, '--source', 'orders', '--file', join(dir, 'orders.xls'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `stratum: ${join(dir, 'orders.xls')}: unknown format ".xls" (expected .csv, .tsv, .txt, .xlsx, .parquet, .jsonl, .ndjson) [FILE_FORMAT_UNKNOWN]\n`,
    );
    const options = stratum('--db', db, '--dir', dir, '--file', 'x.csv');
    expect(options.code).toBe(1);
    expect(options.stderr).toMatch(/invalid options/);
    const text = stratum('--db', db, '--source', 'regions', '--file', join(dir, '区域.csv'));
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      'source   read  loaded  updated  duplicates  quarantined',
      'regions     1       1        0           0            0',
    ]);
  });
});
