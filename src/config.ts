import { z } from 'zod';

/** The only place that reads process.env (STYLE.md habit 11). */
const EnvSchema = z.object({
  STRATUM_DB: z.string().min(1).default('./data/stratum.duckdb'),
  STRATUM_TZ: z.string().min(1).default('Asia/Shanghai'),
});

export interface AppConfig {
  readonly dbPath: string;
  readonly timeZone: string;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.parse({
    STRATUM_DB: env.STRATUM_DB || undefined,
    STRATUM_TZ: env.STRATUM_TZ || undefined,
  });
  assertTimeZone(parsed.STRATUM_TZ);
  return { dbPath: parsed.STRATUM_DB, timeZone: parsed.STRATUM_TZ };
}

function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new Error(`STRATUM_TZ: "${tz}" is not a known time zone (e.g. Asia/Shanghai)`);
  }
}
