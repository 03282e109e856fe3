import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What `npm start` does after building: `stratum demo --serve` (a smaller demo here), run twice, stopped with Ctrl-C.
const ROOT = resolve(import.meta.dirname, '../..');
const ENV = {
  ...process.env,
  STRATUM_TZ: 'Asia/Shanghai',
  STRATUM_DB: '',
  STRATUM_ADMIN_PASSWORD: '',
  STRATUM_DEMO_PASSWORD: '',
};
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-start-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

interface Started {
  readonly url: string;
  output(): string;
  /** Sends SIGINT (what Ctrl-C sends) and resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/** Starts `stratum demo --serve` and resolves once it says how to sign in. */
function start(): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'demo',
      '--serve',
      '--port',
      '0',
      '--db',
      join(dir, 'stratum.duckdb'),
      '--data-dir',
      join(dir, 'demo'),
      '--customers',
      '200',
      '--months',
      '3',
    ],
    { cwd: ROOT, env: ENV },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolveStarted, reject) => {
    child.stdout.on('data', () => {
      const url = /Dashboard: (http:\/\/\S+?)\/? /.exec(out)?.[1];
      if (url && out.includes('Ctrl-C'))
        resolveStarted({
          url,
          output: () => out,
          interrupt: () => {
            child.kill('SIGINT');
            return exited;
          },
        });
    });
    void exited.then((code) => reject(new Error(`stratum demo --serve exited with ${code}:\n${out}`)));
  });
}

async function signIn(url: string, username: string, password: string): Promise<number> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return r.status;
}

describe('npm start (stratum demo --serve)', () => {
  it('builds the demo, creates the demo users, serves the dashboard and prints how to sign in; Ctrl-C stops it', async () => {
    const first = await start();
    const out = first.output();
    expect(out).toMatch(/Created demo users, one per role, password "stratum-demo"/);
    for (const user of ['demo-admin', 'demo-analyst', 'demo-manager', 'demo-rep', 'demo-viewer'])
      expect(out).toContain(user);
    expect(out).toMatch(/demo-manager +manager +team \S+/);
    expect(out).toMatch(/demo-rep +rep +rep \S+/);
    // No random admin password to note: the demo admin is the administrator.
    expect(out).not.toContain('shown once');

    const page = await fetch(`${first.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await signIn(first.url, 'demo-rep', 'stratum-demo')).toBe(200);
    expect(await signIn(first.url, 'demo-rep', 'wrong password')).toBe(401);

    expect(await first.interrupt()).toBe(0);
    expect(first.output()).toContain('Stopping the server');
  });

  it('starts again on the same database: same data and users, no second set', async () => {
    const second = await start();
    const out = second.output();
    expect(out).toContain('Reusing the demo dataset');
    expect(out).toMatch(/Demo users, one per role, password "stratum-demo"/);
    expect(out).not.toContain('Created demo users');
    expect(await signIn(second.url, 'demo-viewer', 'stratum-demo')).toBe(200);
    const runs = await fetch(`${second.url}/api/v1/runs?limit=500`, {
      headers: { cookie: await sessionCookie(second.url) },
    });
    expect(((await runs.json()) as { items: unknown[] }).items).toHaveLength(12);
    expect(await second.interrupt()).toBe(0);
  });
});

async function sessionCookie(url: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-analyst', password: 'stratum-demo' }),
  });
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
