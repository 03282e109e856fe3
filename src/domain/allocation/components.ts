import type { AllocationProblem } from './problem.js';

/** Customers and reps that compete for one another; components are independent assignment problems. */
export interface Component {
  /** Indices into problem.customers (customers with at least one candidate). */
  readonly customers: readonly number[];
  /** Indices into problem.reps. */
  readonly reps: readonly number[];
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  for (let j = i; parent[j] !== root;) {
    const next = parent[j] as number;
    parent[j] = root;
    j = next;
  }
  return root;
}

/** Connected components of the customer–candidate graph (union-find over reps), largest first. */
export function components(problem: AllocationProblem): Component[] {
  const parent = Int32Array.from({ length: problem.reps.length }, (_, i) => i);
  for (const pc of problem.customers) {
    const first = pc.candidates[0];
    if (!first) continue;
    const root = find(parent, first.rep);
    for (const c of pc.candidates) {
      const other = find(parent, c.rep);
      if (other !== root) parent[other] = root;
    }
  }
  const byRoot = new Map<number, { customers: number[]; reps: number[] }>();
  const of = (root: number) => {
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { customers: [], reps: [] }));
    return group;
  };
  problem.reps.forEach((_, r) => of(find(parent, r)).reps.push(r));
  problem.customers.forEach((pc, i) => {
    const first = pc.candidates[0];
    if (first) of(find(parent, first.rep)).customers.push(i);
  });
  return [...byRoot.values()]
    .filter((g) => g.customers.length > 0)
    .sort((a, b) => b.customers.length - a.customers.length || (a.reps[0] ?? 0) - (b.reps[0] ?? 0));
}
