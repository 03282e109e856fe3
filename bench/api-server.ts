/**
 * One server of the API benchmark, in its own process so that it does not share an event loop with the load
 * generator: `node api-server.js baseline` (a plain Fastify route returning a constant) or
 * `node api-server.js stratum DB_PATH` (the stratum app on that database). Listens on 127.0.0.1 at a free port,
 * prints `{"url": …}` as one line, and stops when its stdin closes.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { loadConfig } from '../src/config.js';
import type { Engine } from '../src/engines/engine.js';
import { openEngine } from '../src/engines/registry.js';
import { BENCH_TZ } from './tiering-data.js';

/** What the baseline answers: the shape of a tier lookup, so that both serialise a like payload. */
export const BASELINE_BODY = {
  customerId: 'C000123',
  mergedInto: null,
  tier: 'gold',
  tierName: { en: 'Gold', zh: '黄金' },
  score: 0.7312,
  tags: ['high_potential'],
  runId: 'run-2025-12-31-1a2b3c4d',
  asOf: '2025-12-31',
  source: 'run',
  decidedAt: null,
  causeEventId: null,
};

async function baseline(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/baseline', async () => BASELINE_BODY);
  return app;
}

async function stratum(path: string): Promise<{ app: FastifyInstance; engine: Engine }> {
  const engine = await openEngine(
    { kind: 'duckdb', path },
    { timeZone: BENCH_TZ, memoryLimit: loadConfig().memoryLimit },
  );
  // Every check runs as in production; only the per-key limit is raised so that the load is measured, not 429s.
  const app = await buildApp(
    { engine, timeZone: BENCH_TZ, now: () => new Date(), fetch, bus: null },
    { rateLimits: { perKey: 1_000_000_000 } },
  );
  return { app, engine };
}

const [mode, path] = process.argv.slice(2);
const server =
  mode === 'baseline'
    ? { app: await baseline(), engine: null }
    : mode === 'stratum' && path
      ? await stratum(path)
      : null;
if (!server) {
  process.stderr.write('usage: api-server.js baseline | stratum DB_PATH\n');
  process.exit(2);
}
const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.app
    .close()
    .then(() => server.engine?.close())
    .then(() => process.exit(0));
});
