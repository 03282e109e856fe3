import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_ENGINES, TEST_PG_URL } from './engines.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every PostgreSQL schema a test creates starts with this; the run drops them all at its end. */
    pgSchemaPrefix: string;
  }
}

async function dropSchemas(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`,
      [prefix],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Vitest global setup: a schema prefix for this run's PostgreSQL tests, whose schemas are dropped at its end. */
export default function setup(project: TestProject): (() => Promise<void>) | undefined {
  const prefix = `test_${process.pid}_${Date.now().toString(36)}_`;
  project.provide('pgSchemaPrefix', prefix);
  if (!TEST_ENGINES.includes('postgres')) return undefined;
  return () => dropSchemas(prefix);
}
