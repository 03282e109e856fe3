import { StratumError } from '../../contracts/errors.js';
import type { ExperimentResultSummary } from '../../contracts/experiments/experiment-result.js';
import type { Engine } from '../../engines/engine.js';
import { analyzeExperiment } from './analyze-experiment.js';
import { listExperiments } from './experiments.js';

/**
 * The results of every assigned experiment running by `asOf`, as of that day (for periodic reports); experiments
 * that cannot be analysed yet (too few units with data) are left out.
 */
export async function experimentResultsAsOf(
  engine: Engine,
  asOf: string,
): Promise<ExperimentResultSummary[]> {
  const running = (await listExperiments(engine)).filter((e) => e.assignedAt !== null && e.start <= asOf);
  const results: ExperimentResultSummary[] = [];
  for (const e of running) {
    try {
      results.push(await analyzeExperiment(engine, e.experimentId, asOf));
    } catch (error) {
      if (!(error instanceof StratumError && error.code === 'INVALID_ARGUMENT')) throw error;
    }
  }
  return results;
}
