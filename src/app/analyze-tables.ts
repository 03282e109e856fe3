import type { SqlSession } from '../engines/engine.js';
import type { Dialect } from '../sql/dialects/dialect.js';

/** Refreshes the planner statistics of tables just bulk-written (a no-op where the engine keeps them itself). */
export async function analyzeTables(
  session: SqlSession,
  d: Dialect,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) for (const statement of d.analyze(table)) await session.run(statement);
}
