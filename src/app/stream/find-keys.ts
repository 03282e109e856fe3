import type { SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { lookupKeysSql, type KeyLookup } from '../../sql/stream/lookup-keys-sql.js';

/** What one lookup found: each existing key with its `with` column (null without one). */
export type FoundKeys = ReadonlyMap<string, string | null>;

/** Runs some lookups in one statement; their findings in the lookups' order. */
export async function findKeys(
  reader: SqlReader,
  d: Dialect,
  lookups: readonly KeyLookup[],
): Promise<FoundKeys[]> {
  const found = lookups.map(() => new Map<string, string | null>());
  if (lookups.every((l) => l.values.length === 0)) return found;
  for (const r of await reader.all(lookupKeysSql(d, lookups)))
    found[Number(r.lookup)]?.set(String(r.k), r.c === null || r.c === undefined ? null : String(r.c));
  return found;
}
