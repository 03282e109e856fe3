import { ChurnPopulationSchema, type ChurnPopulation } from '../../contracts/churn/model.js';
import { parseArgument, stratumError } from '../../contracts/errors.js';
import { churnSplit } from '../../domain/churn/time-split.js';
import type { Engine } from '../../engines/engine.js';
import { churnRowsAt, type ChurnRowsAt } from './churn-rows.js';
import { lastOrderDay } from './data-end.js';
import { DEFAULT_CHURN_POPULATION, DEFAULT_SPACING_DAYS, DEFAULT_TRAINING_DATES } from './population.js';

export interface ChurnTrainingOptions {
  readonly population?: Partial<ChurnPopulation>;
  /** As-of dates to train on (default 4), spacingDays apart (default 28). */
  readonly trainingDates?: number;
  readonly spacingDays?: number;
  /** Seeds the validation split and the trees' row sampling (default 1). */
  readonly seed?: number;
  readonly onStep?: (step: { index: number; total: number; label: string }) => void;
}

export interface TrainingRows {
  readonly population: ChurnPopulation;
  readonly dataEnd: string;
  /** The date the training dates end before: the test as-of date, or the date to score. */
  readonly testAsOf: string;
  readonly parts: ChurnRowsAt[];
  readonly seed: number;
}

/**
 * The labelled rows of the training as-of dates before `anchor(dataEnd, population)` (see churnSplit), computed
 * one date after the other. `stepsAfter`: the steps the caller reports after these, for progress totals.
 */
export async function trainingRows(
  engine: Engine,
  options: ChurnTrainingOptions,
  anchor: (dataEnd: string, population: ChurnPopulation) => string,
  stepsAfter = 2,
): Promise<TrainingRows> {
  const population = parseArgument(
    ChurnPopulationSchema,
    { ...DEFAULT_CHURN_POPULATION, ...options.population },
    'churn option',
  );
  const dataEnd = await lastOrderDay(engine);
  const testAsOf = anchor(dataEnd, population);
  const { trainAsOfs } = churnSplit(
    testAsOf,
    population.windowDays,
    options.trainingDates ?? DEFAULT_TRAINING_DATES,
    options.spacingDays ?? DEFAULT_SPACING_DAYS,
  );
  const total = trainAsOfs.length + stepsAfter;
  const parts: ChurnRowsAt[] = [];
  for (const [index, asOf] of trainAsOfs.entries()) {
    options.onStep?.({ index, total, label: `Features as of ${asOf}` });
    parts.push(await churnRowsAt(engine, asOf, population, true));
  }
  const rows = parts.reduce((n, p) => n + p.x.rows, 0);
  const churned = parts.reduce((n, p) => n + Array.from(p.y).reduce((s, v) => s + v, 0), 0);
  if (churned === 0 || churned === rows)
    throw stratumError(
      'INVALID_ARGUMENT',
      `the training as-of dates ${trainAsOfs.join(', ')} give ${rows} active customers, ${churned} churned: both outcomes are needed to learn`,
      { field: 'asOf' },
    );
  return { population, dataEnd, testAsOf, parts, seed: options.seed ?? 1 };
}
