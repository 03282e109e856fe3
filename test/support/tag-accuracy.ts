import { fillChurnProbabilities, resolveChurnModel } from '../../src/app/tiering/churn-probabilities.js';
import { addDays } from '../../src/contracts/time/iso-date.js';
import { backfillDates } from '../../src/domain/tiering/backfill-dates.js';
import type { TieringConfig } from '../../src/contracts/tiering/config.js';
import { PIPELINE_TABLES } from '../../src/contracts/tiering/pipeline-tables.js';
import type { Truth } from '../../src/contracts/truth.js';
import type { Engine } from '../../src/engines/engine.js';
import { computeFeatures } from '../../src/app/tiering/compute-features.js';
import { tagsPoliciesSql } from '../../src/sql/tiering/tags-policies/index.js';

/** Weekly as-of dates from `from` to `to` inclusive. */
export const weekly = (from: string, to: string): string[] => backfillDates(from, to, 'week');

/** Truth customer ids mapped to the survivor ids of cleaning (features are computed on survivors). */
export async function survivorMap(db: Engine): Promise<Map<string, string>> {
  const rows = await db.all('SELECT customer_id, survivor_id FROM customer_survivors');
  return new Map(rows.map((r) => [String(r.customer_id), String(r.survivor_id)]));
}

/** Features as of `asOf` (and the churn model's probabilities if the rule names one), then the tags step over a stand-in tiering_scored (no tier) and no previous run. */
export async function tagsAsOf(
  db: Engine,
  config: TieringConfig,
  asOf: string,
): Promise<{ customerId: string; tags: string[] }[]> {
  const d = db.dialect;
  const t = PIPELINE_TABLES;
  await computeFeatures(db, d, {
    asOf,
    longDays: config.windows.longDays,
    shortDays: config.windows.shortDays,
    unit: config.unit,
  });
  const { config: resolved, churnModel } = await resolveChurnModel(config);
  if (churnModel) await fillChurnProbabilities(db, d, churnModel);
  await db.run(`DROP TABLE IF EXISTS ${t.scored}`);
  await db.run(
    `CREATE TEMP TABLE ${t.scored} AS SELECT customer_id, CAST(NULL AS VARCHAR) AS tier FROM ${t.features}`,
  );
  await db.run(`DROP TABLE IF EXISTS ${t.previous}`);
  await db.run(`CREATE TEMP TABLE ${t.previous} (customer_id VARCHAR, tier VARCHAR, tags VARCHAR[])`);
  for (const s of tagsPoliciesSql(d, resolved)) await db.run(s);
  const rows = await db.all(`SELECT customer_id, tags FROM ${t.tagged} WHERE len(tags) > 0`);
  return rows.map((r) => ({ customerId: String(r.customer_id), tags: r.tags as string[] }));
}

export interface Score {
  readonly truth: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
}

/**
 * churn_warning against truth.churned over weekly as-of dates. Recall: of the planted churners whose four weeks
 * after churnDate lie within the evaluated dates, the share flagged on an as-of date in [churnDate, churnDate +
 * 28 days]. Precision: over all (as-of date, flagged customer) pairs, the share whose customer is a planted
 * churner with churnDate ≤ as-of + 28 days.
 */
export async function churnAccuracy(
  db: Engine,
  config: TieringConfig,
  truth: Truth,
  asOfs: readonly string[],
): Promise<{ recall: Score; precision: Score; missed: string[] }> {
  const survivor = await survivorMap(db);
  const churnDate = new Map<string, string>();
  for (const c of truth.churned) {
    const id = survivor.get(c.customerId) ?? c.customerId;
    const prev = churnDate.get(id);
    if (!prev || c.churnDate > prev) churnDate.set(id, c.churnDate);
  }
  const first = asOfs[0] ?? '';
  const last = asOfs[asOfs.length - 1] ?? '';
  const eligible = [...churnDate].filter(([, c]) => c >= first && addDays(c, 28) <= last);
  const caught = new Set<string>();
  let flaggedPairs = 0;
  let rightPairs = 0;
  for (const asOf of asOfs) {
    const flagged = (await tagsAsOf(db, config, asOf)).filter((r) => r.tags.includes('churn_warning'));
    flaggedPairs += flagged.length;
    for (const { customerId } of flagged) {
      const c = churnDate.get(customerId);
      if (c === undefined) continue;
      if (c <= addDays(asOf, 28)) rightPairs++;
      if (c <= asOf && asOf <= addDays(c, 28)) caught.add(customerId);
    }
  }
  const hits = eligible.filter(([id]) => caught.has(id)).length;
  return {
    recall: {
      truth: eligible.length,
      flagged: caught.size,
      truePositives: hits,
      precision: NaN,
      recall: eligible.length === 0 ? 1 : hits / eligible.length,
    },
    precision: {
      truth: churnDate.size,
      flagged: flaggedPairs,
      truePositives: rightPairs,
      precision: flaggedPairs === 0 ? 1 : rightPairs / flaggedPairs,
      recall: NaN,
    },
    missed: eligible.filter(([id]) => !caught.has(id)).map(([id]) => id),
  };
}

/** high_risk against truth.risky on one as-of date (truth.risky has no dates: the signals as of the end). */
export async function riskAccuracy(
  db: Engine,
  config: TieringConfig,
  truth: Truth,
  asOf: string,
): Promise<Score & { byReason: Record<string, { truth: number; found: number }> }> {
  const survivor = await survivorMap(db);
  const risky = new Map(truth.risky.map((r) => [survivor.get(r.customerId) ?? r.customerId, r.reasons]));
  const flagged = (await tagsAsOf(db, config, asOf)).filter((r) => r.tags.includes('high_risk'));
  const hits = new Set(flagged.filter((r) => risky.has(r.customerId)).map((r) => r.customerId));
  const byReason: Record<string, { truth: number; found: number }> = {};
  for (const [id, reasons] of risky)
    for (const reason of reasons) {
      const e = (byReason[reason] ??= { truth: 0, found: 0 });
      e.truth++;
      if (hits.has(id)) e.found++;
    }
  return {
    truth: risky.size,
    flagged: flagged.length,
    truePositives: hits.size,
    precision: flagged.length === 0 ? 1 : hits.size / flagged.length,
    recall: risky.size === 0 ? 1 : hits.size / risky.size,
    byReason,
  };
}
