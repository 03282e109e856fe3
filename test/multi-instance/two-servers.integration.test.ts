import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/accounts/api-keys.js';
import { runDemo } from '../../src/app/demo/run-demo.js';
import { addSchedule } from '../../src/app/schedules/schedules.js';
import { createSubscription } from '../../src/app/webhooks/subscriptions.js';
import { IDEMPOTENCY_HEADER } from '../../src/domain/webhooks/signature.js';
import type { Engine } from '../../src/engines/engine.js';
import { freshEngine, TEST_TZ } from '../support/engines.js';

const ROOT = resolve(import.meta.dirname, '../..');

interface Instance {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
}

/** `stratum serve --pg …` as its own process; resolves once it listens. */
function serve(pgUrl: string): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--pg', pgUrl, '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        STRATUM_TZ: TEST_TZ,
        STRATUM_ADMIN_PASSWORD: 'an admin password',
        STRATUM_DB: '',
      },
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolveStarted, reject) => {
    child.stdout!.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolveStarted({ url, child, output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`stratum serve exited with ${code}:\n${out}`)));
  });
}

async function stop(instance: Instance): Promise<number | null> {
  const exited = new Promise<number | null>((r) => instance.child.once('exit', (code) => r(code)));
  instance.child.kill('SIGINT');
  return exited;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two `stratum serve --pg` processes on one PostgreSQL database', () => {
  let engine: Engine;
  let instances: Instance[] = [];
  let receiver: Server;
  const received: string[] = [];
  let auth: Record<string, string>;
  let scheduleId: string;

  beforeAll(async () => {
    const db = await freshEngine('postgres');
    engine = db.engine;
    await runDemo(engine, {
      customers: 300,
      months: 3,
      seed: 3,
      dataDir: join(db.dir, 'demo'),
      timeZone: TEST_TZ,
      weeks: 0,
    });
    const { key } = await createApiKey(
      engine,
      engine.dialect,
      { name: 'ops', role: 'admin', scopes: null, createdBy: 'test' },
      new Date(),
    );
    auth = { authorization: `Bearer ${key}` };
    receiver = createServer((req, res) => {
      received.push(String(req.headers[IDEMPOTENCY_HEADER.toLowerCase()]));
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as AddressInfo).port;
    await createSubscription(
      engine,
      { url: `http://127.0.0.1:${port}/hook`, events: ['run.completed', 'tier.changed'], createdBy: 'test' },
      new Date(),
    );
    // A daily schedule created two days ago: both instances find its latest time missed when they start.
    ({ scheduleId } = await addSchedule(
      engine,
      { name: 'daily', cron: '0 3 * * *', timeZone: TEST_TZ, createdBy: 'test' },
      new Date(Date.now() - 2 * 86_400_000),
    ));
    const location = db.location as { url: string; schema: string };
    const pgUrl = `${location.url}${location.url.includes('?') ? '&' : '?'}schema=${location.schema}`;
    instances = await Promise.all([serve(pgUrl), serve(pgUrl)]);
  });

  afterAll(async () => {
    for (const i of instances) expect(await stop(i), i.output()).toBe(0);
    await new Promise((r) => receiver?.close(r));
    await engine?.close();
  });

  const api = async (i: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${instances[i]!.url}/api/v1${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const scheduledJobs = async () =>
    engine.all({
      sql: `SELECT job_id, status FROM jobs WHERE requested_by = $1`,
      params: [`schedule:${scheduleId}`],
    });

  it('fires a missed schedule once, though both instances start at the same time', async () => {
    const [job] = await until('the scheduled run', async () => {
      const rows = await scheduledJobs();
      return rows.some((r) => r.status === 'succeeded') ? rows : undefined;
    });
    expect(job).toBeDefined();
    // Both schedulers have checked (each checks on start); another second changes nothing.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await scheduledJobs()).toHaveLength(1);
  });

  it('shows a run started on one instance on the other, and refuses an overlapping run on either', async () => {
    const started = await api(0, 'POST', '/runs', {});
    expect(started.status).toBe(202);
    const jobId = String(started.body.jobId);
    const overlapping = await api(1, 'POST', '/runs', {});
    expect(overlapping.status).toBe(409);
    const done = await until('the run on the other instance', async () => {
      const job = await api(1, 'GET', `/jobs/${jobId}`);
      return job.body.status === 'succeeded' ? job.body : undefined;
    });
    const runId = (done.result as { runId: string }).runId;
    const runs = await api(1, 'GET', '/runs');
    expect((runs.body.items as { runId: string }[]).map((r) => r.runId)).toContain(runId);
    const [row] = await engine.all({
      sql: 'SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND tier IS NOT NULL LIMIT 1',
      params: [runId],
    });
    // The tier cache keeps the latest run id for a second at most.
    await new Promise((r) => setTimeout(r, 1100));
    const tier = await api(1, 'GET', `/tiers/${String(row!.customer_id)}`);
    expect(tier.body.runId).toBe(runId);
  });

  it('delivers every webhook once across both instances', async () => {
    const deliveries = await until('every delivery to be sent', async () => {
      const rows = await engine.all('SELECT delivery_id, status FROM webhook_deliveries');
      return rows.length > 0 && rows.every((r) => r.status === 'delivered') ? rows : undefined;
    });
    // Two runs: each has a run.completed event, and the second has tier changes against the first.
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect([...received].sort()).toEqual(deliveries.map((r) => String(r.delivery_id)).sort());
  });
});
