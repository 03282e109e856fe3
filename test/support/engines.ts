import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import { migrate } from '../../src/app/migrate.js';
import type { Engine } from '../../src/engines/engine.js';
import { openEngine, type EngineLocation } from '../../src/engines/registry.js';
import type { EngineKind } from '../../src/sql/dialects/dialect.js';

export const TEST_TZ = 'Asia/Shanghai';

/**
 * The engines the contract suite runs against: both unless $STRATUM_TEST_ENGINES narrows it (e.g. `duckdb` on a
 * machine without PostgreSQL). CI runs both.
 */
export const TEST_ENGINES: readonly EngineKind[] = (process.env.STRATUM_TEST_ENGINES ?? 'duckdb,postgres')
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is EngineKind => k === 'duckdb' || k === 'postgres');

/** The PostgreSQL database the tests use; every fresh engine gets its own schema in it. */
export const TEST_PG_URL = process.env.STRATUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FreshEngine {
  readonly engine: Engine;
  readonly location: EngineLocation;
  /** A temp directory of this engine's own (the DuckDB file lives here; tests put data files here too). */
  readonly dir: string;
}

/** A location nobody else uses: a new DuckDB file, or a new PostgreSQL schema named after this vitest run. */
export async function freshLocation(kind: EngineKind, dir: string): Promise<EngineLocation> {
  if (kind === 'duckdb') return { kind, path: join(dir, 'stratum.duckdb') };
  const schema = `${inject('pgSchemaPrefix')}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return { kind, url: TEST_PG_URL, schema };
}

/** A fresh, migrated engine of this kind (DuckDB by default) with its own temp directory. */
export async function freshEngine(kind: EngineKind = 'duckdb'): Promise<FreshEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-test-'));
  const location = await freshLocation(kind, dir);
  const engine = await openEngine(location, { timeZone: TEST_TZ });
  await migrate(engine);
  return { engine, location, dir };
}

/**
 * The contract suite (STYLE.md habit 5): the same tests once per engine, as `title [duckdb]` and
 * `title [postgres]`. Whatever differs between engines is an explicit option of the code under test.
 */
export function describeEachEngine(title: string, body: (kind: EngineKind) => void): void {
  for (const kind of TEST_ENGINES) describe(`${title} [${kind}]`, () => body(kind));
}
