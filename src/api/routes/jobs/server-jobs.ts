import type { FastifyBaseLogger } from 'fastify';
import { JobRunner } from '../../../app/jobs/job-runner.js';
import { Scheduler } from '../../../app/schedules/scheduler.js';
import type { ApiDeps } from '../../deps.js';
import type { BackgroundService } from '../../server.js';

/** The job runner and scheduler of one server: one of each per ApiDeps, shared by every route and service. */
export interface ServerJobs {
  readonly jobs: JobRunner;
  readonly scheduler: Scheduler;
}

const byDeps = new WeakMap<ApiDeps, ServerJobs>();

export function serverJobs(deps: ApiDeps): ServerJobs {
  let found = byDeps.get(deps);
  if (!found) {
    const jobs = new JobRunner({ engine: deps.engine, now: deps.now });
    const scheduler = new Scheduler({ engine: deps.engine, jobs, now: deps.now });
    found = { jobs, scheduler };
    byDeps.set(deps, found);
  }
  return found;
}

/**
 * The scheduler as a service of `stratum serve`: on start it runs missed schedules once and then fires them on
 * time; on stop it stops firing and waits for the running job to end. Fires, deferrals and failures go to `log`.
 */
export function schedulerService(deps: ApiDeps, log?: FastifyBaseLogger): BackgroundService {
  const { jobs, scheduler } = serverJobs(deps);
  if (log) scheduler.setLog((message, details) => log.info(details, message));
  return {
    async start() {
      await jobs.recoverInterrupted();
      await scheduler.start();
    },
    async stop() {
      scheduler.stop();
      await jobs.idle();
    },
  };
}
