import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { recordAudit } from '../app/accounts/audit.js';
import { addUser, hasAdmin } from '../app/accounts/users.js';
import type { Engine } from '../engines/engine.js';
import type { EventBus } from '../stream/bus.js';
import { buildApp } from './app.js';
import type { ApiDeps } from './deps.js';

/** Work the server runs beside the HTTP routes (the scheduler, the webhook dispatcher). */
export interface BackgroundService {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly engine: Engine;
  readonly timeZone: string;
  readonly host: string;
  readonly port: number;
  /** The first admin's password; without it a random one is generated and returned once. */
  readonly adminPassword?: string | undefined;
  readonly logger?: boolean;
  /** The event stream POST /events publishes to; without it that route answers 503. */
  readonly bus?: EventBus;
  readonly services?: (deps: ApiDeps, log: FastifyBaseLogger) => readonly BackgroundService[];
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Set when this start created the first admin: its name and password, to print once. */
  readonly createdAdmin: { username: string; password: string } | null;
  close(): Promise<void>;
}

/** Creates the first admin on an empty user table (the setup step of the server). */
async function ensureAdmin(engine: Engine, password: string | undefined, now: Date) {
  if (await hasAdmin(engine)) return null;
  const chosen = password ?? randomBytes(12).toString('base64url');
  await addUser(engine, { username: 'admin', password: chosen, role: 'admin' }, now);
  await recordAudit(
    engine,
    engine.dialect,
    {
      actor: 'setup',
      actorKind: 'system',
      action: 'user.created',
      target: 'admin',
      details: { role: 'admin' },
    },
    now,
  );
  return { username: 'admin', password: chosen };
}

/** Builds the app, listens, and starts the background services; close() stops them all. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const deps: ApiDeps = {
    engine: options.engine,
    timeZone: options.timeZone,
    now: () => new Date(),
    fetch,
    bus: options.bus ?? null,
  };
  // Instances starting together on one database create the first admin once.
  const createdAdmin = await options.engine.withLock('stratum:setup', () =>
    ensureAdmin(options.engine, options.adminPassword, deps.now()),
  );
  const app = await buildApp(deps, { logger: options.logger ?? false });
  const url = await app.listen({ host: options.host, port: options.port });
  const services = options.services?.(deps, app.log) ?? [];
  for (const s of services) await s.start();
  return {
    app,
    url,
    createdAdmin,
    async close() {
      for (const s of services) await s.stop();
      await app.close();
    },
  };
}
