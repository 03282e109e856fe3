import type { Engine } from '../engines/engine.js';
import { MIGRATIONS, migrationsTableSql } from '../sql/schema/migrations.js';
import { sql } from '../sql/query.js';

/** Applies pending migrations, each in its own transaction; returns the versions applied. */
export async function migrate(engine: Engine): Promise<number[]> {
  const d = engine.dialect;
  await engine.run(migrationsTableSql(d));
  const rows = await engine.all('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await engine.transaction(async (tx) => {
      for (const statement of m.statements(d)) await tx.run(statement);
      await tx.run(
        sql(`INSERT INTO schema_migrations VALUES (${d.param(1)}, ${d.param(2)}, ${d.now})`, [
          m.version,
          m.description,
        ]),
      );
    });
    applied.push(m.version);
  }
  return applied;
}
