import type { ChurnModelFile } from '../../contracts/churn/model.js';
import { stratumError } from '../../contracts/errors.js';
import type { TagRule, TieringConfig } from '../../contracts/tiering/config.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import { predictChurn } from '../../domain/churn/churn-model.js';
import { featureMatrix } from '../../domain/churn/feature-matrix.js';
import type { SqlSession } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { createOutputSql, fillOutputSql, outputTable } from '../../sql/tiering/model-outputs.js';
import { churnFeatureValues } from '../churn/churn-features.js';
import { readChurnModelFile } from '../churn/read-churn-model.js';

type ChurnRule = Extract<TagRule, { kind: 'churn_warning' }>;

/** The saved churn model a configuration's churn_warning rule names, read and checked against its windows. */
export interface ResolvedChurnModel {
  readonly file: ChurnModelFile;
  readonly path: string;
}

const churnRule = (config: Pick<TieringConfig, 'tags'>): ChurnRule | undefined =>
  config.tags.find((t): t is ChurnRule => t.kind === 'churn_warning' && t.model !== undefined);

/** Whether a run of this configuration scores customers with a saved churn model. */
export const readsChurnModel = (config: Pick<TieringConfig, 'tags'>): boolean =>
  churnRule(config) !== undefined;

/**
 * Reads the churn model of the churn_warning rule, if it names one, and returns the configuration with the
 * rule's minProbability resolved (the model's own threshold unless given), so that the run's stored
 * configuration (which the stream rescores with) says exactly what fired.
 */
export async function resolveChurnModel(
  config: TieringConfig,
): Promise<{ config: TieringConfig; churnModel: ResolvedChurnModel | null }> {
  const rule = churnRule(config);
  if (!rule?.model) return { config, churnModel: null };
  const path = rule.model.file;
  const file = await readChurnModelFile(path, 'tags: churn_warning.model.file');
  if (
    file.population.longDays !== config.windows.longDays ||
    file.population.shortDays !== config.windows.shortDays
  )
    throw stratumError(
      'CONFIG_INVALID',
      `${path} was trained on windows of ${file.population.longDays}/${file.population.shortDays} days, the configuration has ${config.windows.longDays}/${config.windows.shortDays}`,
      { file: path, issues: ['windows differ from the churn model’s'] },
    );
  const minProbability = rule.model.minProbability ?? file.threshold;
  return {
    config: {
      ...config,
      tags: config.tags.map((t) => (t === rule ? { ...rule, model: { file: path, minProbability } } : t)),
    },
    churnModel: { file, path },
  };
}

/**
 * Scores the run's customers with the saved model from their features in tiering_features and writes
 * churn_probability: for the model's population (an order within activeDays of the as-of date), NULL for the rest.
 * The trees run in JavaScript on one row per customer (no order rows leave the engine).
 */
export async function fillChurnProbabilities(
  tx: SqlSession,
  d: Dialect,
  model: ResolvedChurnModel,
): Promise<{ scored: number }> {
  const { population, model: m } = model.file;
  const rows = (await tx.all(`SELECT * FROM ${d.quoteIdent(PIPELINE_TABLES.features)}`)).filter(
    (r) => r.recency_days !== null && Number(r.recency_days) < population.activeDays,
  );
  const p = predictChurn(
    m,
    featureMatrix(
      m.features,
      rows.map((r) => churnFeatureValues(r, m.features)),
    ),
  );
  for (const statement of createOutputSql(d, 'churn_probability')) await tx.run(statement);
  await tx.bulkLoad(
    outputTable('churn_probability'),
    ['customer_id', 'value'],
    rows.map((r, i) => [String(r.customer_id), String(p[i])]),
  );
  for (const statement of fillOutputSql(d, 'churn_probability', null)) await tx.run(statement);
  return { scored: rows.length };
}
