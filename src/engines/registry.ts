import type { EngineKind } from '../sql/dialects/dialect.js';
import { openDuckDbEngine } from './duckdb/duckdb-engine.js';
import type { Engine, EngineOptions } from './engine.js';

export type EngineLocation = { readonly kind: 'duckdb'; readonly path: string };

type Opener = (location: EngineLocation, options: EngineOptions) => Promise<Engine>;

/** Adding an engine is one folder and one entry here; the Record makes the compiler ask for it. */
const openers: Record<EngineKind, Opener | undefined> = {
  duckdb: (location, options) => openDuckDbEngine(location.path, options),
  postgres: undefined,
};

export async function openEngine(location: EngineLocation, options: EngineOptions): Promise<Engine> {
  const open = openers[location.kind];
  if (!open) throw new Error(`Engine ${location.kind} is not available in this build`);
  return open(location, options);
}
