import type { RankInput, RankKey, TiersConfig } from '../scoring/quota-tiers.js';
import { compareRank, rankInputOf } from '../scoring/quota-tiers.js';
import { partitionPoint } from '../scoring/partition-point.js';
import type { ReferenceRow } from './scoring-reference.js';

/**
 * The ranking of a frozen run: per quota scope, the rows of its active customers in compareRank order, and each
 * row's ranking key (monetary NaN for NULL), so that a customer's position is found by binary search.
 */
export interface ScopeRanks {
  readonly scope: TiersConfig['scope'];
  readonly byScope: ReadonlyMap<string | null, Uint32Array>;
  readonly customerIds: readonly string[];
  readonly scores: Float64Array;
  readonly monetary: Float64Array;
}

export function buildScopeRanks(
  rows: readonly ReferenceRow[],
  customerIds: readonly string[],
  scope: TiersConfig['scope'],
): ScopeRanks {
  const scores = new Float64Array(rows.length);
  const monetary = new Float64Array(rows.length);
  // Small uniform keys sort much faster than the wide feature rows.
  const lists = new Map<string | null, (RankKey & { readonly row: number })[]>();
  rows.forEach((r, row) => {
    scores[row] = r.score;
    monetary[row] = r.monetary ?? NaN;
    const input = rankInputOf(r, r.score, scope);
    if (!input.active) return;
    const list = lists.get(input.scopeKey) ?? [];
    list.push({ customerId: r.customerId, score: r.score, monetary: r.monetary, row });
    lists.set(input.scopeKey, list);
  });
  const byScope = new Map(
    [...lists].map(([key, list]) => [key, Uint32Array.from(list.sort(compareRank), (k) => k.row)]),
  );
  return { scope, byScope, customerIds, scores, monetary };
}

const EMPTY = new Uint32Array(0);

/**
 * Where an active customer ranks in its scope against the other active customers of the run, its own entry (row
 * `row`, if the run had it there) replaced by `probe`: 1 + the others ahead of it, among the others + 1.
 */
export function positionAgainst(
  ranks: ScopeRanks,
  row: number | undefined,
  probe: RankInput,
): { readonly position: number; readonly scopeSize: number } {
  const list = ranks.byScope.get(probe.scopeKey) ?? EMPTY;
  const keyOf = (r: number): RankKey => {
    const monetary = ranks.monetary[r] as number;
    return {
      customerId: ranks.customerIds[r] as string,
      score: ranks.scores[r] as number,
      monetary: Number.isNaN(monetary) ? null : monetary,
    };
  };
  const ahead = partitionPoint(list.length, (i) => compareRank(keyOf(list[i] as number), probe) < 0);
  if (row === undefined) return { position: ahead + 1, scopeSize: list.length + 1 };
  const own = keyOf(row);
  const ownIndex = partitionPoint(list.length, (i) => compareRank(keyOf(list[i] as number), own) < 0);
  if (list[ownIndex] !== row) return { position: ahead + 1, scopeSize: list.length + 1 };
  return { position: ahead + (ownIndex < ahead ? 0 : 1), scopeSize: list.length };
}
