import type { ChurnModelFile } from '../../contracts/churn/model.js';
import { stratumError } from '../../contracts/errors.js';
import { fitChurnModels } from '../../domain/churn/fit-models.js';
import type { Engine } from '../../engines/engine.js';
import { trainingRows, type ChurnTrainingOptions } from './training-rows.js';

export interface TrainChurnModelOptions extends ChurnTrainingOptions {
  /** The date the model will score as of (default: the last order day); it trains on the dates before it. */
  readonly asOf?: string;
  readonly algorithm?: 'gbdt' | 'logistic';
}

/**
 * A churn model to score customers as of `asOf`: trained on the latest as-of dates whose outcome is known by
 * then (asOf − windowDays, and every spacingDays before), saved as JSON by the caller if wanted.
 */
export async function trainChurnModel(
  engine: Engine,
  options: TrainChurnModelOptions = {},
): Promise<ChurnModelFile> {
  const { parts, population, seed } = await trainingRows(
    engine,
    options,
    (end) => scoringDate(options.asOf, end),
    1,
  );
  options.onStep?.({ index: parts.length, total: parts.length + 1, label: 'Training' });
  const fitted = fitChurnModels(parts, { validationShare: 0.2, seed });
  const chosen = fitted[options.algorithm ?? 'gbdt'];
  return {
    format: 'stratum-churn-model/1',
    population,
    trainedOn: parts.map((p) => p.asOf),
    threshold: chosen.threshold,
    model: chosen.model,
  };
}

function scoringDate(asOf: string | undefined, dataEnd: string): string {
  if (asOf !== undefined && asOf > dataEnd)
    throw stratumError(
      'INVALID_ARGUMENT',
      `--as-of ${asOf} is after the last order day ${dataEnd}: the outcomes of the latest training dates are not known yet`,
      { field: 'asOf' },
    );
  return asOf ?? dataEnd;
}
