import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { backgroundServices } from '../../../src/api/background-services.js';
import { SESSION_COOKIE } from '../../../src/api/plugins/auth.js';
import { startServer, type RunningServer } from '../../../src/api/server.js';
import { openSession } from '../../../src/app/accounts/sessions.js';
import { listUsers } from '../../../src/app/accounts/users.js';
import { ensureDemoUsers, type DemoUser } from '../../../src/app/demo/demo-users.js';
import { runDemo } from '../../../src/app/demo/run-demo.js';
import { migrate } from '../../../src/app/migrate.js';
import type { Engine } from '../../../src/engines/engine.js';
import { openEngine } from '../../../src/engines/registry.js';
import { onceAcrossFiles } from '../../support/browser.js';
import { freshEngine, TEST_TZ } from '../../support/engines.js';

/** The demo users' password in the browser tests (what $STRATUM_DEMO_PASSWORD sets for `npm start`). */
export const DEMO_PASSWORD = 'browser-test-password';

export type DemoRole = DemoUser['role'];

/** A demo: generated customers, months of history, weekly tiering runs (0: imported and cleaned, never tiered). */
export interface DemoSpec {
  readonly customers: number;
  readonly months: number;
  readonly weeks: number;
}

/** The demo most browser tests run on: six weekly runs, small enough to build in seconds. */
export const DEMO: DemoSpec = { customers: 500, months: 6, weeks: 6 };

export interface DashboardServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  readonly url: string;
  readonly engine: Engine;
  readonly server: RunningServer;
  /** The demo users by role, as `npm start` creates them. */
  readonly users: Readonly<Record<DemoRole, DemoUser>>;
  /** A signed-in session of a demo user, as a cookie for a browser context (no sign-in request, no rate limit). */
  session(role: DemoRole): Promise<{ name: string; value: string }>;
  close(): Promise<void>;
}

/** Builds a demo DuckDB file with its demo users and closes it, into `file` (the dashboard is engine-blind). */
async function buildDemo(spec: DemoSpec, file: string): Promise<void> {
  const db = await freshEngine('duckdb');
  try {
    await runDemo(db.engine, { ...spec, seed: 11, dataDir: join(db.dir, 'demo'), timeZone: TEST_TZ });
    await ensureDemoUsers(db.engine, DEMO_PASSWORD, new Date());
  } finally {
    await db.engine.close();
  }
  await copyFile(join(db.dir, 'stratum.duckdb'), `${file}.tmp`);
  await rename(`${file}.tmp`, file);
  await rm(db.dir, { recursive: true, force: true });
}

/**
 * The demo database file of `spec`: built once per vitest run and shared by the test files (each serves its own
 * copy), or built for this file alone when the run has no scratch directory.
 */
async function demoFile(spec: DemoSpec, into: string): Promise<void> {
  const scratch = inject('runScratch');
  const name = `demo-${spec.customers}-${spec.months}-${spec.weeks}.duckdb`;
  if (!scratch) return buildDemo(spec, into);
  const cached = join(scratch, name);
  await onceAcrossFiles(
    `${cached}.lock`,
    async () => existsSync(cached),
    () => buildDemo(spec, cached),
  );
  await copyFile(cached, into);
}

/**
 * What `npm start` serves, on a smaller demo: a DuckDB file with a generated, imported and cleaned demo, its
 * weekly tiering runs and the demo users, served by the real server (startServer, with its background services)
 * on a free port of 127.0.0.1 with the built dashboard.
 */
export async function dashboardServer(spec: DemoSpec = DEMO): Promise<DashboardServer> {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-browser-'));
  const path = join(dir, 'stratum.duckdb');
  await demoFile(spec, path);
  const engine = await openEngine({ kind: 'duckdb', path }, { timeZone: TEST_TZ });
  await migrate(engine);
  const demo = await ensureDemoUsers(engine, DEMO_PASSWORD, new Date());
  const users = Object.fromEntries(demo.users.map((u) => [u.role, u])) as Record<DemoRole, DemoUser>;
  for (const role of ['admin', 'analyst', 'manager', 'rep', 'viewer'] as const)
    if (!users[role]) throw new Error(`the demo has no ${role} user`);
  const server = await startServer({
    engine,
    timeZone: TEST_TZ,
    host: '127.0.0.1',
    port: 0,
    services: backgroundServices,
  });
  return {
    url: server.url.replace(/\/$/, ''),
    engine,
    server,
    users,
    async session(role) {
      const user = (await listUsers(engine)).find((u) => u.username === users[role].username);
      if (!user) throw new Error(`no user ${users[role].username}`);
      const { token } = await openSession(engine, engine.dialect, user, new Date(), '127.0.0.1');
      return { name: SESSION_COOKIE, value: token };
    },
    async close() {
      await server.close();
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
