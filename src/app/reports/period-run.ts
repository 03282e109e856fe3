import type { Engine } from '../../engines/engine.js';
import { latestRun, type RunRef } from '../customers/run-of.js';
import type { ReportSpan } from './report-period.js';

/** The latest run whose as-of date falls in the period, or null. */
export async function periodRun(engine: Engine, span: ReportSpan): Promise<RunRef | null> {
  const run = await latestRun(engine, span.end);
  return run && run.asOf >= span.start ? run : null;
}
