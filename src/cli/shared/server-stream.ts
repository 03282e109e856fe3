import type { FastifyBaseLogger } from 'fastify';
import { backgroundServices } from '../../api/background-services.js';
import type { ApiDeps } from '../../api/deps.js';
import type { BackgroundService } from '../../api/server.js';
import { streamWorkerService } from '../../api/stream-worker-service.js';
import type { EventBus } from '../../stream/bus.js';
import { InProcessBroker } from '../../stream/in-process/broker.js';
import { InProcessBus } from '../../stream/in-process/in-process-bus.js';
import { busSettingsOf, natsUrlOf, openStreamBus, type StreamOptions } from './stream-option.js';

export interface ServerStream {
  readonly bus: EventBus;
  /** Where events go, for the start-up message. */
  readonly description: string;
  /** The server's background services, with the stream consumer in embedded mode. */
  services(deps: ApiDeps, log: FastifyBaseLogger): readonly BackgroundService[];
  close(): Promise<void>;
}

/**
 * The event stream of a server: NATS JetStream when configured (POST /events publishes there and `stratum worker`
 * processes apply the events), else an in-process bus whose consumer runs inside the server, so that the embedded
 * mode needs nothing beyond Node.
 */
export async function openServerStream(options: StreamOptions): Promise<ServerStream> {
  const url = natsUrlOf(options);
  if (url) {
    const bus = await openStreamBus(url, options, 'stratum serve');
    return {
      bus,
      description: `events: NATS ${url} (stream ${bus.names.stream}; apply them with \`stratum worker\`)`,
      services: (deps, log) => backgroundServices(deps, log),
      close: () => bus.close(),
    };
  }
  const bus = new InProcessBus(new InProcessBroker(busSettingsOf(options)));
  return {
    bus,
    description: 'events: applied by this server (in-process stream; set --nats for NATS JetStream)',
    services: (deps, log) => [...backgroundServices(deps, log), streamWorkerService(deps, bus, log)],
    close: () => bus.close(),
  };
}
