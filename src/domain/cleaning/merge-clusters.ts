import type { CustomerProfile } from './customer-profile.js';
import type { MergeRuleName, PairEvidence } from './match-rules.js';

export interface PairMatch {
  /** Indices into the profiles. */
  readonly a: number;
  readonly b: number;
  readonly rule: MergeRuleName;
  readonly score: number;
  readonly evidence: PairEvidence;
}

export interface MergeEntry {
  readonly customerId: string;
  readonly survivorId: string;
  readonly matchedWith: string;
  readonly rule: MergeRuleName;
  readonly score: number;
  readonly evidence: PairEvidence;
}

/** Survivor order: the earliest created, then the one with more orders, then the smaller id. */
export function survivorFirst(a: CustomerProfile, b: CustomerProfile): number {
  const p = a.record;
  const q = b.record;
  if (p.createdDate !== q.createdDate) return p.createdDate < q.createdDate ? -1 : 1;
  if (p.orderCount !== q.orderCount) return q.orderCount - p.orderCount;
  return p.customerId < q.customerId ? -1 : p.customerId > q.customerId ? 1 : 0;
}

/**
 * Resolves matched pairs into clusters and one survivor per cluster. Pairs join clusters strongest first, and
 * never join two clusters that hold different branches (so a record without a suffix cannot chain two
 * branches of a chain together). Each duplicate maps straight to its survivor, with its strongest match.
 */
export function resolveMerges(
  profiles: readonly CustomerProfile[],
  matches: readonly PairMatch[],
): MergeEntry[] {
  const parent = profiles.map((_, i) => i);
  const branches = profiles.map((p) => (p.branchCore === null ? new Set<string>() : new Set([p.branchCore])));
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const accepted: PairMatch[] = [];
  const ordered = [...matches].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const m of ordered) {
    const ra = find(m.a);
    const rb = find(m.b);
    if (ra === rb) {
      accepted.push(m);
      continue;
    }
    const ba = branches[ra] ?? new Set<string>();
    const bb = branches[rb] ?? new Set<string>();
    const union = new Set([...ba, ...bb]);
    if (union.size > 1) continue;
    parent[rb] = ra;
    branches[ra] = union;
    accepted.push(m);
  }

  const clusters = new Map<number, number[]>();
  for (const m of accepted) {
    for (const i of [m.a, m.b]) {
      const root = find(i);
      const members = clusters.get(root) ?? [];
      if (!members.includes(i)) members.push(i);
      clusters.set(root, members);
    }
  }
  const best = new Map<number, PairMatch>();
  for (const m of accepted) {
    for (const i of [m.a, m.b]) {
      const current = best.get(i);
      if (!current || m.score > current.score) best.set(i, m);
    }
  }

  const entries: MergeEntry[] = [];
  for (const members of clusters.values()) {
    const sorted = [...members].sort((i, j) =>
      survivorFirst(profiles[i] as CustomerProfile, profiles[j] as CustomerProfile),
    );
    const survivor = profiles[sorted[0] ?? 0] as CustomerProfile;
    for (const i of sorted.slice(1)) {
      const m = best.get(i);
      if (!m) continue;
      const other = profiles[m.a === i ? m.b : m.a] as CustomerProfile;
      entries.push({
        customerId: (profiles[i] as CustomerProfile).record.customerId,
        survivorId: survivor.record.customerId,
        matchedWith: other.record.customerId,
        rule: m.rule,
        score: m.score,
        evidence: m.evidence,
      });
    }
  }
  return entries.sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
}
