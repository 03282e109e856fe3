import { z } from 'zod';

/** The only place that reads process.env (STYLE.md habit 11). */

/** The demo users' password unless $STRATUM_DEMO_PASSWORD says otherwise (documented in docs/dashboard.md). */
export const DEFAULT_DEMO_PASSWORD = 'stratum-demo';

const EnvSchema = z.object({
  STRATUM_DB: z.string().min(1).default('./data/stratum.duckdb'),
  // The shared PostgreSQL store (docs/deployment.md); set, it replaces STRATUM_DB's DuckDB file.
  STRATUM_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a URL such as postgres://user@host:5432/db')
    .optional(),
  // NATS JetStream for the event stream (docs/stream.md); unset = the in-process bus of the embedded mode.
  STRATUM_NATS_URL: z.string().min(1).optional(),
  STRATUM_TZ: z.string().min(1).default('Asia/Shanghai'),
  // DuckDB spills to disk beyond this. A 1M-customer run peaks at 1.3–1.6 GiB of resident memory with 1GB, as fast
  // as with 1.2GB, which peaked at 1.6–1.9 GiB (docs/benchmarks.md): the run must stay under 2 GB.
  STRATUM_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'expected a size such as 1.2GB or 800MB')
    .default('1GB'),
  // The first admin's password when `stratum serve` creates it; unset = a random one printed once.
  STRATUM_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
  // The password of the demo users `npm start` creates (docs/dashboard.md); they only exist in a demo database.
  STRATUM_DEMO_PASSWORD: z.string().min(10, 'at least 10 characters').default(DEFAULT_DEMO_PASSWORD),
});

export interface AppConfig {
  readonly dbPath: string;
  readonly databaseUrl: string | undefined;
  readonly natsUrl: string | undefined;
  readonly timeZone: string;
  readonly memoryLimit: string;
  readonly adminPassword: string | undefined;
  readonly demoPassword: string;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.parse({
    STRATUM_DB: env.STRATUM_DB || undefined,
    STRATUM_DATABASE_URL: env.STRATUM_DATABASE_URL || undefined,
    STRATUM_NATS_URL: env.STRATUM_NATS_URL || undefined,
    STRATUM_TZ: env.STRATUM_TZ || undefined,
    STRATUM_MEMORY_LIMIT: env.STRATUM_MEMORY_LIMIT || undefined,
    STRATUM_ADMIN_PASSWORD: env.STRATUM_ADMIN_PASSWORD || undefined,
    STRATUM_DEMO_PASSWORD: env.STRATUM_DEMO_PASSWORD || undefined,
  });
  assertTimeZone(parsed.STRATUM_TZ);
  return {
    dbPath: parsed.STRATUM_DB,
    databaseUrl: parsed.STRATUM_DATABASE_URL,
    natsUrl: parsed.STRATUM_NATS_URL,
    timeZone: parsed.STRATUM_TZ,
    memoryLimit: parsed.STRATUM_MEMORY_LIMIT,
    adminPassword: parsed.STRATUM_ADMIN_PASSWORD,
    demoPassword: parsed.STRATUM_DEMO_PASSWORD,
  };
}

function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new Error(`STRATUM_TZ: "${tz}" is not a known time zone (e.g. Asia/Shanghai)`);
  }
}
