import type { FastifyBaseLogger } from 'fastify';
import { createDispatcher } from '../app/webhooks/dispatcher.js';
import type { ApiDeps } from './deps.js';
import { schedulerService } from './routes/jobs/server-jobs.js';
import type { BackgroundService } from './server.js';

/** What `stratum serve` runs beside the routes. */
export function backgroundServices(deps: ApiDeps, log: FastifyBaseLogger): readonly BackgroundService[] {
  return [
    schedulerService(deps, log),
    createDispatcher({ ...deps, onError: (err) => log.error({ err }, 'webhook dispatcher') }),
  ];
}
