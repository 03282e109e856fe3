import { parentPort, workerData } from 'node:worker_threads';
import { generateBatch } from '../../domain/generation/generate-batch.js';
import { buildWorld } from '../../domain/generation/world.js';
import { transferables, type WorkerInit, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** Worker thread: builds the world once, then generates the batches it is sent, in order. */
const port = parentPort;
if (!port) throw new Error('generate-worker must run as a worker thread');
const world = buildWorld((workerData as WorkerInit).spec);
port.on('message', (batch: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { kind: 'done', index: batch.index, output: generateBatch(world, batch.from, batch.to) };
  } catch (error) {
    reply = {
      kind: 'failed',
      index: batch.index,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply, reply.kind === 'done' ? transferables(reply.output) : []);
});
