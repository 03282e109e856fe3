import type { RunRef } from '../../contracts/insights/common.js';
import {
  FROM_KEYS,
  TO_KEYS,
  type FromKey,
  type Migration,
  type ToKey,
} from '../../contracts/insights/migration.js';
import { TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { migrationSql } from '../../sql/tiering/report.js';
import { runOf } from '../customers/run-of.js';
import { previousRun } from './previous-run.js';

/** The two runs compared: `to` (default: the latest) and `from` (default: the run before `to`, if any). */
export async function migrationRuns(
  engine: Engine,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<{ from: RunRef | null; to: RunRef }> {
  const to = await runOf(engine, q.to);
  const from = q.from !== undefined ? await runOf(engine, q.from) : await previousRun(engine, to.runId);
  return { from, to };
}

/** Both runs, or NOT_FOUND when there is no `from` run to compare with. */
export async function requireMigrationRuns(
  engine: Engine,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<{ from: RunRef; to: RunRef }> {
  const { from, to } = await migrationRuns(engine, q);
  if (!from)
    throw stratumError('NOT_FOUND', `no run before ${to.runId} to compare it with`, {
      what: 'run',
      id: '(previous)',
    });
  return { from, to };
}

const isTier = (k: string): k is Tier => (TIERS as readonly string[]).includes(k);
const byKey =
  <K extends string>(order: readonly K[]) =>
  (a: K, b: K) =>
    order.indexOf(a) - order.indexOf(b);

/**
 * The migration matrix between any two runs, computed in the engine by the report's migrationSql (so that for
 * consecutive runs it is `stratum report --json`'s `migration`), shaped for a Sankey: one node per key and side.
 */
export async function buildMigration(
  engine: Engine,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<Migration> {
  const { from, to } = await migrationRuns(engine, q);
  const totals = { customers: 0, stayed: 0, up: 0, down: 0, new: 0, gone: 0, excludedChanges: 0 };
  if (!from) return { from, to, matrix: [], nodes: [], links: [], totals };
  const matrix = (await engine.read(migrationSql(engine.dialect, from.runId, to.runId)))
    .map((r) => ({
      from: String(r.from_tier) as FromKey,
      to: String(r.to_tier) as ToKey,
      customers: Number(r.customers),
    }))
    .sort((a, b) => byKey(FROM_KEYS)(a.from, b.from) || byKey(TO_KEYS)(a.to, b.to));

  const fromTotals = new Map<FromKey, number>();
  const toTotals = new Map<ToKey, number>();
  for (const m of matrix) {
    fromTotals.set(m.from, (fromTotals.get(m.from) ?? 0) + m.customers);
    toTotals.set(m.to, (toTotals.get(m.to) ?? 0) + m.customers);
    totals.customers += m.customers;
    if (m.from === 'new') totals.new += m.customers;
    else if (m.to === 'gone') totals.gone += m.customers;
    else if ((m.from as string) === m.to) totals.stayed += m.customers;
    else if (isTier(m.from) && isTier(m.to))
      totals[TIERS.indexOf(m.to) < TIERS.indexOf(m.from) ? 'up' : 'down'] += m.customers;
    else totals.excludedChanges += m.customers;
  }
  const nodes = [
    ...FROM_KEYS.filter((k) => fromTotals.has(k)).map((key) => ({
      id: `from:${key}`,
      side: 'from' as const,
      key,
      customers: fromTotals.get(key) ?? 0,
    })),
    ...TO_KEYS.filter((k) => toTotals.has(k)).map((key) => ({
      id: `to:${key}`,
      side: 'to' as const,
      key,
      customers: toTotals.get(key) ?? 0,
    })),
  ];
  const links = matrix.map((m) => ({
    source: `from:${m.from}`,
    target: `to:${m.to}`,
    from: m.from,
    to: m.to,
    customers: m.customers,
  }));
  return { from, to, matrix, nodes, links, totals };
}
