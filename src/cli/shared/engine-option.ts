import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { openEngine, parseLocation, type EngineLocation } from '../../engines/registry.js';
import { migrate } from '../../app/migrate.js';

/** The zod shape of the options every database command takes (spread into its schema). */
export const DatabaseOptionShape = {
  db: z.string().min(1).optional(),
  pg: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a URL such as postgres://user@host:5432/db')
    .optional(),
};

export interface DatabaseOptions {
  readonly db?: string | undefined;
  readonly pg?: string | undefined;
}

export const DB_OPTION_HELP = 'DuckDB file (default: $STRATUM_DB or ./data/stratum.duckdb)';
export const PG_OPTION_HELP =
  'PostgreSQL instead of DuckDB: postgres://user@host:5432/db[?schema=name] (default: $STRATUM_DATABASE_URL)';

/** --pg, else --db (a path, or a postgres:// URL), else $STRATUM_DATABASE_URL, else $STRATUM_DB's DuckDB file. */
export function databaseLocation(options: DatabaseOptions): EngineLocation {
  if (options.pg && options.db) throw new Error('give either --db or --pg, not both');
  const config = loadConfig();
  const chosen = options.pg ?? options.db ?? config.databaseUrl ?? config.dbPath;
  return parseLocation(chosen);
}

/** Fails with DATABASE_MISSING when a DuckDB file does not exist yet (a PostgreSQL database always "exists"). */
export function requireExistingDatabase(location: EngineLocation, hint: string): void {
  if (location.kind === 'duckdb' && !existsSync(location.path))
    throw stratumError('DATABASE_MISSING', `no database at ${location.path}; ${hint}`, {
      path: location.path,
    });
}

/** Opens (creating if needed) the database the options name and applies pending migrations; returns those. */
export async function openMigrated(
  options: DatabaseOptions | EngineLocation,
): Promise<{ engine: Engine; applied: number[] }> {
  const config = loadConfig();
  const location = 'kind' in options ? options : databaseLocation(options);
  const engine = await openEngine(location, { timeZone: config.timeZone, memoryLimit: config.memoryLimit });
  try {
    // Instances that start together migrate one after the other (an advisory lock on PostgreSQL).
    const applied = await engine.withLock('stratum:migrate', () => migrate(engine));
    return { engine, applied };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Opens (creating and migrating if needed) the database the options name. */
export async function openDatabase(options: DatabaseOptions | EngineLocation): Promise<Engine> {
  return (await openMigrated(options)).engine;
}

export async function withDatabase<T>(
  options: DatabaseOptions | EngineLocation,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await openDatabase(options);
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}
