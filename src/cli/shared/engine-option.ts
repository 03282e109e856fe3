import { loadConfig } from '../../config.js';
import type { Engine } from '../../engines/engine.js';
import { openEngine } from '../../engines/registry.js';
import { migrate } from '../../app/migrate.js';

/** Opens (creating and migrating if needed) the database named by --db, or STRATUM_DB, or ./data/stratum.duckdb. */
export async function openDatabase(dbOption: string | undefined): Promise<Engine> {
  const config = loadConfig();
  const engine = await openEngine(
    { kind: 'duckdb', path: dbOption ?? config.dbPath },
    { timeZone: config.timeZone, memoryLimit: config.memoryLimit },
  );
  await migrate(engine);
  return engine;
}

export async function withDatabase<T>(
  dbOption: string | undefined,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = await openDatabase(dbOption);
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

export const DB_OPTION_HELP = 'DuckDB file (default: $STRATUM_DB or ./data/stratum.duckdb)';
