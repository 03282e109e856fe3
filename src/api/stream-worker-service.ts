import type { FastifyBaseLogger } from 'fastify';
import { startWorker, type RunningWorker } from '../app/stream/worker.js';
import type { EventBus } from '../stream/bus.js';
import type { ApiDeps } from './deps.js';
import type { BackgroundService } from './server.js';

/**
 * The stream consumer inside `stratum serve` in embedded mode: the events POST /events publishes on the in-process
 * bus are applied by this server (with NATS, `stratum worker` processes do it instead).
 */
export function streamWorkerService(deps: ApiDeps, bus: EventBus, log: FastifyBaseLogger): BackgroundService {
  let worker: RunningWorker | null = null;
  return {
    async start() {
      worker = await startWorker({
        engine: deps.engine,
        bus,
        timeZone: deps.timeZone,
        now: deps.now,
        onDeadLetter: (letter) => log.warn({ letter }, 'event dead-lettered'),
        onError: (err) => log.error({ err }, 'event stream'),
      });
    },
    async stop() {
      await worker?.stop();
      worker = null;
    },
  };
}
