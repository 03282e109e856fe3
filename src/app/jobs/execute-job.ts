import type { TieringConfig } from '../../contracts/tiering/config.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import { stratumError } from '../../contracts/errors.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import type { Engine } from '../../engines/engine.js';
import { runAllocationJob } from '../allocation/allocation-job.js';
import { runReportJob } from '../reports/report-job.js';
import { backfillRuns } from '../tiering/backfill-runs.js';
import { runTiering } from '../tiering/run-tiering.js';
import type { JobRequest } from './job.js';

export type ReportProgress = (progress: number, step: string) => void;

/** The job being done: its id, who asked, and the runner's clock. */
export interface JobContext {
  readonly jobId: string;
  readonly requestedBy: string;
  readonly now: () => Date;
}

/** Does the work of a job with the given configuration; returns what is stored as the job's result. */
export async function executeJob(
  engine: Engine,
  request: JobRequest,
  config: { readonly version: number; readonly config: TieringConfig },
  report: ReportProgress,
  job: JobContext,
): Promise<Record<string, unknown>> {
  switch (request.kind) {
    case 'run': {
      const summary = await runTiering(engine, {
        config: config.config,
        asOf: request.asOf,
        trigger: request.trigger,
        onStep: (s) => report(s.index / s.total, s.label),
      });
      return { ...summary, configVersion: config.version };
    }
    case 'backfill': {
      const dates = backfillDates(request.from, request.to, request.every);
      if (dates.length === 0)
        throw stratumError('INVALID_ARGUMENT', `from ${request.from} is after to ${request.to}`, {
          field: 'from',
        });
      report(0, `Run 1 of ${dates.length}, as of ${dates[0]}`);
      let skipped = 0;
      const runs = await backfillRuns(engine, {
        config: config.config,
        dates,
        skipExisting: true,
        onRun: (done, total, summary) => {
          if (summary === null) skipped++;
          if (done < total) report(done / total, `Run ${done + 1} of ${total}, as of ${dates[done]}`);
        },
      });
      return { configVersion: config.version, dates: dates.length, skipped, runs };
    }
    case 'allocation':
      return { ...(await runAllocationJob(engine, request, report)) };
    case 'report':
      return { ...(await runReportJob(engine, request, job, report)) };
    default:
      return assertUnreachable(request, 'job kind');
  }
}
