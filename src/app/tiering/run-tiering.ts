import { randomUUID } from 'node:crypto';
import { analyzeTables } from '../analyze-tables.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { TAGS, TIERS, zeroTierCounts, type TagName, type Tier } from '../../contracts/tiering/tiers.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import type { Engine } from '../../engines/engine.js';
import { pipelineTagCountsSql, pipelineTierCountsSql } from '../../sql/tiering/run-counts.js';
import {
  insertRunSql,
  insertSnapshotSql,
  insertStagedSnapshotSql,
  latestRunSql,
  previousSnapshotSql,
  stageSnapshotRowsSql,
} from '../../sql/tiering/snapshot.js';
import { knownCitiesSql } from '../../sql/tiering/segments-sql.js';
import { tieringSegments } from '../../domain/tiering/pilots.js';
import type { StreamReconciliation } from '../../domain/tiering/stream/reconciliation.js';
import { reconcileStream } from '../stream/reconcile-stream.js';
import { enqueueRunEvents } from '../webhooks/enqueue-run-events.js';
import { computeFeatures } from './compute-features.js';
import { fillChurnProbabilities, resolveChurnModel } from './churn-probabilities.js';
import { fillPredictions, needsPredictions, type PredictionFit } from './fill-predictions.js';
import { canonicalJson, sha256 } from './config-hash.js';
import { tierSegments } from './tier-segments.js';
import { dropPipelineTables } from './drop-pipeline-tables.js';

export interface RunRequest {
  readonly config: TieringConfig;
  /** YYYY-MM-DD; the run sees data up to the end of this day. */
  readonly asOf: string;
  readonly trigger?: 'run' | 'backfill' | 'schedule';
  readonly onStep?: (step: { index: number; total: number; label: string }) => void;
}

/** The `stratum run --json` contract (documented in the README; add fields, never rename). */
export interface RunSummary {
  readonly runId: string;
  readonly asOf: string;
  readonly customers: number;
  readonly tiers: Readonly<Record<Tier, number>>;
  readonly excluded: number;
  readonly tags: Readonly<Record<TagName, number>>;
  readonly previousRunId: string | null;
  readonly configHash: string;
  readonly durationMs: number;
  /** How the stream's decisions since the previous run compare with this run's tiers; null when it made none. */
  readonly stream: StreamReconciliation | null;
  /** The CLV fits behind predicted_margin, when a model reads it; else null. */
  readonly predictions: PredictionFit | null;
  /** Each pilot's customers and tiers (empty without pilots); the national counts are the totals less these. */
  readonly pilots: readonly PilotSummary[];
}

export interface PilotSummary {
  readonly name: string;
  /** The pilot's cities (empty for an experiment's variant). */
  readonly cities: readonly string[];
  /** Cities of the pilot no customer of the run is in (a misspelt city pilots nobody). */
  readonly unknownCities: readonly string[];
  readonly experiment: { readonly name: string; readonly variant: string } | null;
  readonly customers: number;
  readonly tiers: Readonly<Record<Tier, number>>;
}

const steps = (predicting: boolean, churnModel: boolean) => [
  'Computing features',
  ...(predicting ? ['Fitting CLV models'] : []),
  ...(churnModel ? ['Scoring the churn model'] : []),
  'Scoring and tiering',
  'Tags and policies',
  'Writing the snapshot',
];

/**
 * One tiering run: features, scores, tiers, tags and policies computed in the engine's temp tables, then written
 * as a snapshot in one transaction, so that a failed run leaves the previous snapshot as it was.
 */
export async function runTiering(engine: Engine, request: RunRequest): Promise<RunSummary> {
  const d = engine.dialect;
  const started = new Date();
  const { asOf } = request;
  // The stored configuration carries the churn model's resolved threshold: the stream rescores with it.
  const { config, churnModel } = await resolveChurnModel(request.config);
  const runId = `run-${asOf}-${randomUUID().slice(0, 8)}`;
  const configText = canonicalJson(config);
  const configHash = sha256(configText);
  const segments = tieringSegments(config);
  const predicting = segments.some((s) => needsPredictions(s.config));
  const labels = steps(predicting, churnModel !== null);
  let index = 0;
  const step = () => {
    request.onStep?.({ index, total: labels.length, label: labels[index]! });
    index++;
  };

  // The temp tables are built outside the transaction (see Engine.exclusive); only the writes are in it.
  return engine.exclusive(async (s) => {
    await dropPipelineTables(s, d);
    try {
      const [previous] = await s.all(latestRunSql(d, asOf));
      const previousRunId = previous ? String(previous.run_id) : null;
      await s.run(previousSnapshotSql(d, previousRunId));
      await analyzeTables(s, d, [PIPELINE_TABLES.previous]);

      step();
      const { customers } = await computeFeatures(s, d, {
        asOf,
        longDays: config.windows.longDays,
        shortDays: config.windows.shortDays,
        unit: config.unit,
      });
      let predictions: PredictionFit | null = null;
      if (predicting) {
        step();
        predictions = await fillPredictions(s, d, config, asOf);
      }
      if (churnModel) {
        step();
        await fillChurnProbabilities(s, d, churnModel);
      }
      const cities = config.pilots.flatMap((p) => p.cities ?? []);
      const known = new Set(
        cities.length ? (await s.all(knownCitiesSql(d, cities))).map((r) => String(r.city)) : [],
      );
      const tiers = zeroTierCounts();
      let excluded = 0;
      const tags = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<TagName, number>;
      const pilots: PilotSummary[] = [];
      // With pilots, each segment's rows are gathered first: tiering_tagged holds one segment at a time.
      const split = segments.length > 1;
      if (split) await s.run(stageSnapshotRowsSql(d));
      await tierSegments(s, d, config, asOf, {
        // Progress counts the stages once: the pilots' segments are small next to the national one.
        beforeScoring: (segment) => {
          if (segment.pilot === null) step();
        },
        beforeTags: (segment) => {
          if (segment.pilot === null) step();
        },
        tiered: async (segment) => {
          if (split)
            await s.run(
              insertSnapshotSql(
                d,
                runId,
                Object.keys(segment.config.models),
                segment.pilot,
                PIPELINE_TABLES.snapshotRows,
              ),
            );
          // Counted from the pipeline's temp table: the snapshot table holds every run's history.
          const segmentTiers = zeroTierCounts();
          let segmentCustomers = 0;
          for (const r of await s.all(pipelineTierCountsSql(d))) {
            segmentCustomers += Number(r.n);
            if (r.tier === null) excluded += Number(r.n);
            else segmentTiers[r.tier as Tier] = Number(r.n);
          }
          for (const t of TIERS) tiers[t] += segmentTiers[t];
          for (const r of await s.all(pipelineTagCountsSql(d))) tags[r.tag as TagName] += Number(r.n);
          const selector = segment.selector;
          if (segment.pilot !== null && selector !== null) {
            const pilotCities = selector.kind === 'cities' ? selector.cities : [];
            pilots.push({
              name: segment.pilot,
              cities: pilotCities,
              unknownCities: pilotCities.filter((c) => !known.has(c)),
              experiment:
                selector.kind === 'experiment' ? { name: selector.name, variant: selector.variant } : null,
              customers: segmentCustomers,
              tiers: segmentTiers,
            });
          }
        },
      });
      step();
      return await s.transaction(async (tx) => {
        await tx.run(
          split ? insertStagedSnapshotSql(d) : insertSnapshotSql(d, runId, Object.keys(config.models)),
        );
        const finished = new Date();
        await tx.run(
          insertRunSql(d, {
            runId,
            asOf,
            startedAt: started.toISOString(),
            finishedAt: finished.toISOString(),
            configHash,
            config: configText,
            primaryModel: config.primaryModel,
            customers,
            durationMs: finished.getTime() - started.getTime(),
            trigger: request.trigger ?? 'run',
          }),
        );
        const stream = previousRunId === null ? null : await reconcileStream(tx, d, runId, previousRunId);
        const summary: RunSummary = {
          runId,
          asOf,
          customers,
          tiers,
          excluded,
          tags,
          previousRunId,
          configHash,
          durationMs: Date.now() - started.getTime(),
          stream,
          predictions,
          pilots,
        };
        // The run's webhook events go to the outbox in this transaction: recorded with the snapshot or not at all.
        await enqueueRunEvents(tx, d, {
          runId,
          asOf,
          previousRunId,
          finishedAt: finished.toISOString(),
          summary,
        });
        return summary;
      });
    } finally {
      await dropPipelineTables(s, d);
    }
  });
}
