import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyInstallation } from '../src/app/copy/copy-installation.js';
import { openDatabase } from '../src/cli/shared/engine-option.js';
import type { Engine } from '../src/engines/engine.js';
import { BENCH_AS_OF, BENCH_TZ } from './tiering-data.js';

const exec = promisify(execFile);

/** Where the PostgreSQL half of the benchmark runs: $STRATUM_BENCH_PG_URL, else the local server's `test` db. */
const PG_URL = process.env.STRATUM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_tiering_1m';
/** Session settings of the run (docs/deployment.md): sorts and hashes of a 1M-row run fit in memory. */
export const PG_BENCH_SETTINGS = '-c work_mem=256MB';

const url = (withSettings: boolean) =>
  `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${SCHEMA}${
    withSettings ? `&options=${encodeURIComponent(PG_BENCH_SETTINGS)}` : ''
  }`;

/** The cached DuckDB bench database copied into PostgreSQL once (`stratum copy`); reused while it is there. */
async function ensureCopied(duckDbPath: string): Promise<{ copyMs: number | null }> {
  const target = await openDatabase({ pg: url(false) });
  try {
    const [row] = await target.all('SELECT count(*) AS n FROM customers');
    if (Number(row?.n) > 0) return { copyMs: null };
    const source = await openDatabase({ db: duckDbPath });
    try {
      let table = '';
      const result = await copyInstallation(source, target, (p) => {
        if (p.table !== table && p.total > 0)
          process.stderr.write(`  copying ${(table = p.table)} (${p.total} rows)\n`);
      });
      return { copyMs: result.durationMs };
    } finally {
      await source.close();
    }
  } finally {
    await target.close();
  }
}

/** Removes the benchmark's run again, so that every benchmark run starts from the same state. */
async function forgetRun(engine: Engine, runId: string): Promise<void> {
  await engine.transaction(async (tx) => {
    for (const table of ['action_tasks', 'tier_snapshots', 'tiering_runs'])
      await tx.run({ sql: `DELETE FROM ${table} WHERE run_id = $1`, params: [runId] });
  });
}

/** The same full `stratum run` as on DuckDB, on PostgreSQL, in its own process. */
export async function timePostgresRun(
  duckDbPath: string,
): Promise<{ runMs: number; wallMs: number; customers: number; copyMs: number | null }> {
  const { copyMs } = await ensureCopied(duckDbPath);
  const start = performance.now();
  const { stdout } = await exec(
    process.execPath,
    ['bin/stratum.js', 'run', '--pg', url(true), '--as-of', BENCH_AS_OF, '--json'],
    { env: { ...process.env, STRATUM_TZ: BENCH_TZ }, maxBuffer: 64 * 1024 * 1024 },
  );
  const wallMs = performance.now() - start;
  const summary = JSON.parse(stdout) as { runId: string; durationMs: number; customers: number };
  const engine = await openDatabase({ pg: url(false) });
  try {
    await forgetRun(engine, summary.runId);
  } finally {
    await engine.close();
  }
  return { runMs: summary.durationMs, wallMs, customers: summary.customers, copyMs };
}
