/**
 * `npm run bench:api`: tier lookups by id (GET /api/v1/tiers/:customerId with an integration key, random ids of
 * the latest run) against a plain Fastify route returning a constant, each a real server on 127.0.0.1 in its own
 * process, loaded by autocannon with the same connections and duration after a warm-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createApiKey } from '../src/app/accounts/api-keys.js';
import { migrate } from '../src/app/migrate.js';
import { openEngine } from '../src/engines/registry.js';
import { latestRunSql } from '../src/sql/tiering/snapshot.js';
import { API_BENCH_DATA, apiBenchDatabase } from './api-data.js';
import { BENCH_TZ } from './tiering-data.js';

export interface LoadSettings {
  readonly connections: number;
  readonly durationS: number;
  readonly warmupS: number;
}

export const LOAD: LoadSettings = { connections: 10, durationS: 10, warmupS: 2 };

/** Targets of the issue: at least half the baseline's requests per second, p99 under 20 ms. */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 20;

interface Figures {
  readonly requests: number;
  readonly reqPerS: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts bench/api-server in a child process and waits for the line with its URL. */
async function startServer(args: readonly string[]): Promise<Server> {
  const self = fileURLToPath(import.meta.url);
  const script = join(self, '..', `api-server${extname(self)}`);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`api-server ${args.join(' ')} exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}

async function load(
  url: string,
  settings: { connections: number; durationS: number },
  headers: Record<string, string>,
  nextPath: () => string,
): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration: settings.durationS,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  return {
    requests: result.requests.total,
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Warm-up (discarded), then the measured load. */
async function measure(
  server: Server,
  headers: Record<string, string>,
  nextPath: () => string,
): Promise<Figures> {
  await load(server.url, { connections: LOAD.connections, durationS: LOAD.warmupS }, headers, nextPath);
  const figures = await load(server.url, LOAD, headers, nextPath);
  if (figures.errors > 0 || figures.non2xx > 0)
    throw new Error(
      `${server.url}: ${figures.errors} errors and ${figures.non2xx} non-2xx answers of ${figures.requests}`,
    );
  return figures;
}

/** A copy of the cached database with an integration key, and the customer ids of its latest run. */
async function prepare(work: string): Promise<{ path: string; key: string; ids: string[]; runId: string }> {
  const path = join(work, 'bench.duckdb');
  await copyFile(await apiBenchDatabase(), path);
  const engine = await openEngine({ kind: 'duckdb', path }, { timeZone: BENCH_TZ });
  try {
    await migrate(engine);
    const { key } = await createApiKey(
      engine,
      engine.dialect,
      { name: 'bench', role: 'integration', scopes: null, createdBy: 'bench' },
      new Date(),
    );
    const [run] = await engine.all(latestRunSql(engine.dialect, null));
    if (!run) throw new Error('the bench database has no tiering run');
    const runId = String(run.run_id);
    const rows = await engine.all({
      sql: 'SELECT customer_id FROM tier_snapshots WHERE run_id = $1 ORDER BY customer_id',
      params: [runId],
    });
    return { path, key, ids: rows.map((r) => String(r.customer_id)), runId };
  } finally {
    await engine.close();
  }
}

const row = (name: string, f: Figures) =>
  `${name.padEnd(34)} ${f.reqPerS.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   (${f.requests.toLocaleString('en')} requests)`;

export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'stratum-bench-api-'));
  try {
    const { path, key, ids, runId } = await prepare(work);
    const randomId = () => ids[Math.floor(Math.random() * ids.length)]!;

    const base = await startServer(['baseline']);
    let baseline: Figures;
    try {
      baseline = await measure(base, {}, () => '/baseline');
    } finally {
      await base.stop();
    }

    const app = await startServer(['stratum', path]);
    const auth = { authorization: `Bearer ${key}` };
    let stack: Figures;
    let tiers: Figures;
    try {
      // The same server answering without a database read: what the stack itself costs (key, rate limit, headers).
      stack = await measure(app, auth, () => '/api/v1/health');
      tiers = await measure(app, auth, () => `/api/v1/tiers/${encodeURIComponent(randomId())}`);
    } finally {
      await app.stop();
    }

    const ratio = tiers.reqPerS / baseline.reqPerS;
    const lines = [
      `data: ${API_BENCH_DATA.customers.toLocaleString('en')} demo customers, ${API_BENCH_DATA.months} months, run ${runId} (${ids.length.toLocaleString('en')} customers in the snapshot)`,
      `load: ${LOAD.connections} connections, ${LOAD.durationS} s after a ${LOAD.warmupS} s warm-up, each server in its own process on 127.0.0.1`,
      row('baseline (Fastify, constant JSON)', baseline),
      row('stratum stack, no query (/health)', stack),
      row('GET /api/v1/tiers/:id (API key)', tiers),
      `ratio  ${(ratio * 100).toFixed(1)} % of the baseline's req/s (target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}); the stack alone ${((stack.reqPerS / baseline.reqPerS) * 100).toFixed(1)} %`,
      `p99    ${tiers.p99} ms (target < ${TARGET_P99_MS} ms: ${tiers.p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
