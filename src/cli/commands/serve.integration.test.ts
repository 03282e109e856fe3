import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENV = { ...process.env, STRATUM_TZ: 'Asia/Shanghai', STRATUM_DB: '', STRATUM_ADMIN_PASSWORD: '' };
let dir = '';
let db = '';

function stratum(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ENV,
    input,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-cli-serve-'));
  db = join(dir, 'stratum.duckdb');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('stratum users, keys, audit and serve (CLI, a real listening server)', () => {
  let key = '';

  it('adds users with the password on standard input, and refuses one on the command line', () => {
    const ok = stratum(
      ['users', 'add', '--username', 'zhang.rep', '--role', 'rep', '--rep-id', 'R01', '--password-stdin'],
      'a long enough password\n',
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const missing = stratum(['users', 'add', '--username', 'x', '--role', 'viewer']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--password-stdin/);
    const list = stratum(['users', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([{ username: 'zhang.rep', role: 'rep', repId: 'R01' }]);
    expect(list.stdout).not.toContain('password');
  });

  it('creates an API key shown once as {"id", "key"}', () => {
    const r = stratum(['keys', 'create', '--name', 'CRM', '--role', 'integration', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; key: string };
    expect(Object.keys(out)).toEqual(['id', 'key']);
    key = out.key;
    expect(stratum(['keys', 'list']).stdout).not.toContain(key);
  });

  it('serves the API on a port, creating the first admin, and answers a Bearer key', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0'],
      { cwd: ROOT, env: ENV },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const me = await fetch(`${url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ kind: 'key', role: 'integration' });
      await new Promise((r) => setTimeout(r, 100));
      const password = /password "([^"]+)" \(shown once\)/.exec(out)?.[1];
      expect(password).toBeDefined();
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('reads the audit log, with the key and the first admin in it', () => {
    const r = stratum(['audit', '--json']);
    const actions = (JSON.parse(r.stdout) as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['key.created', 'user.created', 'login']));
  });
});
