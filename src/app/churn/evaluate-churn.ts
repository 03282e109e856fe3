import type { ChurnEvaluation } from '../../contracts/churn/evaluation.js';
import type { ChurnPopulation } from '../../contracts/churn/model.js';
import { stratumError } from '../../contracts/errors.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { churnWarningPoint, recencyAuc, type ChurnWarningRule } from '../../domain/churn/baselines.js';
import { predictChurn } from '../../domain/churn/churn-model.js';
import { fitChurnModels } from '../../domain/churn/fit-models.js';
import { modelReport, rowCounts } from '../../domain/churn/model-report.js';
import type { Engine } from '../../engines/engine.js';
import { trainingRows, type ChurnTrainingOptions } from './training-rows.js';
import { churnRowsAt, type ChurnRowsAt } from './churn-rows.js';

export interface ChurnEvaluationOptions extends ChurnTrainingOptions {
  /** The test as-of date (default: the last order day − windowDays, the latest whose outcome is known). */
  readonly asOf?: string;
  /** The tiering config's churn_warning rule, measured beside the models. */
  readonly churnWarning?: ChurnWarningRule;
}

/** An evaluation with the test rows and both models' predictions for them. */
export interface ChurnEvaluationRun {
  readonly evaluation: ChurnEvaluation;
  readonly test: ChurnRowsAt;
  readonly predictions: { readonly gbdt: Float64Array; readonly logistic: Float64Array };
}

/**
 * `stratum churn evaluate`: trains gradient-boosted trees and the logistic baseline on earlier as-of dates and
 * measures both on the test as-of date, whose label window lies after every training label window.
 */
export async function evaluateChurn(
  engine: Engine,
  options: ChurnEvaluationOptions = {},
): Promise<ChurnEvaluation> {
  return (await runChurnEvaluation(engine, options)).evaluation;
}

export async function runChurnEvaluation(
  engine: Engine,
  options: ChurnEvaluationOptions = {},
): Promise<ChurnEvaluationRun> {
  const training = await trainingRows(engine, options, (dataEnd, p) => testDate(options.asOf, dataEnd, p));
  const { population, parts, testAsOf, dataEnd, seed } = training;
  options.onStep?.({ index: parts.length, total: parts.length + 2, label: `Features as of ${testAsOf}` });
  const test = await churnRowsAt(engine, testAsOf, population, true);
  if (test.x.rows === 0)
    throw stratumError('INVALID_ARGUMENT', `no active customers as of ${testAsOf}`, { field: 'asOf' });
  options.onStep?.({ index: parts.length + 1, total: parts.length + 2, label: 'Training' });
  const fitted = fitChurnModels(parts, { validationShare: 0.2, seed });
  const predictions = {
    gbdt: predictChurn(fitted.gbdt.model, test.x),
    logistic: predictChurn(fitted.logistic.model, test.x),
  };
  return {
    evaluation: {
      population,
      dataEnd,
      training: parts.map((p) => rowCounts(p.asOf, p.y)),
      validationRows: fitted.validationRows,
      test: rowCounts(testAsOf, test.y),
      models: (['gbdt', 'logistic'] as const).map((kind) =>
        modelReport(fitted[kind].model, fitted[kind].threshold, predictions[kind], test.y),
      ),
      baselines: {
        recencyAuc: recencyAuc(test.x, test.y),
        churnWarning: options.churnWarning
          ? churnWarningPoint(options.churnWarning, population, test.x, test.y)
          : null,
      },
    },
    test,
    predictions,
  };
}

function testDate(asOf: string | undefined, dataEnd: string, p: ChurnPopulation): string {
  const testAsOf = asOf ?? addDays(dataEnd, -p.windowDays);
  if (addDays(testAsOf, p.windowDays) > dataEnd)
    throw stratumError(
      'INVALID_ARGUMENT',
      `the ${p.windowDays}-day label window after ${testAsOf} ends after the last order day ${dataEnd}; use --as-of ${addDays(dataEnd, -p.windowDays)} or earlier`,
      { field: 'asOf' },
    );
  return testAsOf;
}
