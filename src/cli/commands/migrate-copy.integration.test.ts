import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { openEngine } from '../../engines/registry.js';
import { MIGRATIONS } from '../../sql/schema/migrations.js';
import { TEST_PG_URL, TEST_TZ } from '../../../test/support/engines.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function stratum(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, STRATUM_TZ: TEST_TZ, STRATUM_DB: '', STRATUM_DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stratum migrate and stratum copy', () => {
  it('migrates a PostgreSQL schema once, then copies a DuckDB installation into it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-cli-copy-'));
    const pg = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${inject('pgSchemaPrefix')}cli_copy`;
    const latest = MIGRATIONS.at(-1)!.version;

    const first = stratum('migrate', '--pg', pg, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: latest });
    const again = stratum('migrate', '--pg', pg, '--json');
    expect(JSON.parse(again.stdout)).toEqual({ applied: [], version: latest });
    expect(stratum('migrate', '--pg', pg, '--db', 'x.duckdb').stderr).toMatch(/either --db or --pg/);
    // A wrong address is one line naming the database (password hidden), not a stack trace.
    const refused = stratum('migrate', '--pg', 'postgres://someone:secret@127.0.0.1:1/nowhere');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^stratum: cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere: .+ \[DATABASE_UNREACHABLE\]\n$/,
    );
    expect(stratum('copy', '--from', 'postgres://[bad', '--to', pg).stderr).toMatch(
      /"postgres:\/\/\[bad" is not a valid postgres:\/\/ URL \[INVALID_ARGUMENT\]/,
    );

    const db = join(dir, 'small.duckdb');
    const generated = stratum(
      'demo',
      '--db',
      db,
      '--data-dir',
      join(dir, 'demo'),
      '--customers',
      '150',
      '--months',
      '3',
      '--json',
    );
    expect(generated.code, generated.stderr).toBe(0);
    const copied = stratum('copy', '--from', `duckdb:${db}`, '--to', pg, '--json');
    expect(copied.code, copied.stderr).toBe(0);
    const result = JSON.parse(copied.stdout) as { tables: { table: string; rows: number }[]; rows: number };
    const customers = result.tables.find((t) => t.table === 'customers')!.rows;
    expect(customers).toBeGreaterThanOrEqual(150);

    const engine = await openEngine(
      { kind: 'postgres', url: TEST_PG_URL, schema: `${inject('pgSchemaPrefix')}cli_copy` },
      { timeZone: TEST_TZ },
    );
    try {
      expect(await engine.all('SELECT count(*) AS n FROM customers')).toEqual([{ n: customers }]);
      const runs = await engine.all('SELECT count(*) AS n FROM tiering_runs');
      expect(Number(runs[0]!.n)).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
    const twice = stratum('copy', '--from', `duckdb:${db}`, '--to', pg);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already holds data.*\[CONFLICT\]/);
    expect(stratum('copy', '--from', join(dir, 'missing.duckdb'), '--to', pg).stderr).toMatch(
      /DATABASE_MISSING/,
    );
  });
});
