import { candidatePairs, type BlockingStats } from './blocking.js';
import type { CustomerProfile } from './customer-profile.js';
import { comparePair } from './match-rules.js';
import { resolveMerges, type MergeEntry, type PairMatch } from './merge-clusters.js';

export interface DuplicateSearch {
  readonly blocking: BlockingStats;
  /** Pairs accepted by a rule (before clusters are resolved). */
  readonly matches: readonly PairMatch[];
  /** One entry per duplicate record: its survivor and evidence. */
  readonly merges: readonly MergeEntry[];
  /** Clusters of more than one record. */
  readonly clusters: number;
}

/** Blocking, then pairwise rules, then clusters with one survivor each. */
export function findDuplicates(profiles: readonly CustomerProfile[]): DuplicateSearch {
  const { first, second, stats } = candidatePairs(profiles);
  const matches: PairMatch[] = [];
  for (let k = 0; k < first.length; k++) {
    const a = first[k] ?? 0;
    const b = second[k] ?? 0;
    const decision = comparePair(profiles[a] as CustomerProfile, profiles[b] as CustomerProfile);
    if (decision.kind === 'match')
      matches.push({ a, b, rule: decision.rule, score: decision.score, evidence: decision.evidence });
  }
  const merges = resolveMerges(profiles, matches);
  return { blocking: stats, matches, merges, clusters: new Set(merges.map((m) => m.survivorId)).size };
}
