import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { SESSION_COOKIE } from '../../src/api/plugins/auth.js';
import { createApiKey } from '../../src/app/accounts/api-keys.js';
import { openSession } from '../../src/app/accounts/sessions.js';
import { addUser } from '../../src/app/accounts/users.js';
import { runDemo } from '../../src/app/demo/run-demo.js';
import type { Permission, Role } from '../../src/contracts/access/roles.js';
import type { Engine } from '../../src/engines/engine.js';
import type { EngineKind } from '../../src/sql/dialects/dialect.js';
import type { EventBus } from '../../src/stream/bus.js';
import { freshEngine, TEST_TZ } from './engines.js';

export interface ApiTestServer {
  readonly app: FastifyInstance;
  readonly engine: Engine;
  readonly dir: string;
  /** Headers (a session cookie) of a user with this role, created on first use. */
  as(role: Role, who?: { team?: string; repId?: string; username?: string }): Promise<Record<string, string>>;
  /** Headers with a new API key of this role. */
  key(role: Role, scopes?: Permission[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A server on a fresh engine (DuckDB unless `engine` says otherwise), through app.inject (no network). With
 * `demo`, the database holds a generated, imported and cleaned demo with `weeks` weekly tiering runs. POST /events
 * publishes to `bus` (the caller closes it); without one it answers 503.
 */
export async function apiTestServer(
  opts: {
    demo?: { customers: number; months: number; weeks: number };
    engine?: EngineKind;
    bus?: EventBus;
  } = {},
): Promise<ApiTestServer> {
  const db = await freshEngine(opts.engine);
  if (opts.demo)
    await runDemo(db.engine, { ...opts.demo, seed: 11, dataDir: join(db.dir, 'demo'), timeZone: TEST_TZ });
  // Every injected request comes from 127.0.0.1: per-address limits are raised, the sign-in limit kept.
  const app = await buildApp(
    { engine: db.engine, timeZone: TEST_TZ, now: () => new Date(), fetch, bus: opts.bus ?? null },
    { rateLimits: { perAddress: 1_000_000 } },
  );
  const sessions = new Map<string, Record<string, string>>();
  let users = 0;
  return {
    app,
    engine: db.engine,
    dir: db.dir,
    async as(role, who = {}) {
      const id = `${role}|${who.team ?? ''}|${who.repId ?? ''}|${who.username ?? ''}`;
      const known = sessions.get(id);
      if (known) return known;
      if (role === 'integration') throw new Error('integration is a key role: use key()');
      const user = await addUser(
        db.engine,
        {
          username: who.username ?? `${role}${++users}`,
          password: 'correct horse battery staple',
          role,
          team: who.team ?? (role === 'manager' ? 'team-none' : null),
          repId: who.repId ?? (role === 'rep' ? 'rep-none' : null),
        },
        new Date(),
      );
      const { token } = await openSession(db.engine, db.engine.dialect, user, new Date(), '127.0.0.1');
      const headers = { cookie: `${SESSION_COOKIE}=${token}` };
      sessions.set(id, headers);
      return headers;
    },
    async key(role, scopes) {
      const { key } = await createApiKey(
        db.engine,
        db.engine.dialect,
        { name: `test ${role}`, role, scopes: scopes ?? null, createdBy: 'test' },
        new Date(),
      );
      return { authorization: `Bearer ${key}` };
    },
    async close() {
      await app.close();
      await db.engine.close();
      await rm(db.dir, { recursive: true, force: true });
    },
  };
}
