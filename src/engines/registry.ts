import { stratumError } from '../contracts/errors.js';
import type { EngineKind } from '../sql/dialects/dialect.js';
import { openDuckDbEngine } from './duckdb/duckdb-engine.js';
import type { Engine, EngineOptions } from './engine.js';
import { openPostgresEngine } from './postgres/postgres-engine.js';

export type EngineLocation =
  | { readonly kind: 'duckdb'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

type Opener = (location: EngineLocation, options: EngineOptions) => Promise<Engine>;

/** Adding an engine is one folder and one entry here; the Record makes the compiler ask for it. */
const openers: Record<EngineKind, Opener> = {
  duckdb: (location, options) => openDuckDbEngine((location as { path: string }).path, options),
  postgres: (location, options) => openPostgresEngine(location as { url: string; schema?: string }, options),
};

export function openEngine(location: EngineLocation, options: EngineOptions): Promise<Engine> {
  return openers[location.kind](location, options);
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * A location from what a user typed: a postgres:// URL (its `schema` query parameter, if any, names the schema
 * stratum uses; the rest goes to the driver) or a DuckDB file path.
 */
export function parseLocation(text: string): EngineLocation {
  if (!POSTGRES_URL.test(text)) return { kind: 'duckdb', path: text };
  if (!URL.canParse(text))
    throw stratumError('INVALID_ARGUMENT', `"${text}" is not a valid postgres:// URL`, { field: 'database' });
  const url = new URL(text);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { kind: 'postgres', url: url.toString(), ...(schema ? { schema } : {}) };
}

/** A location as text for messages, without a password. */
export function describeLocation(location: EngineLocation): string {
  if (location.kind === 'duckdb') return location.path;
  const url = new URL(location.url);
  if (url.password) url.password = '***';
  return `${url.toString()}${location.schema ? ` (schema ${location.schema})` : ''}`;
}
