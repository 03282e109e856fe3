import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateBatch, type BatchOutput } from '../../domain/generation/generate-batch.js';
import type { GenerationSpec } from '../../domain/generation/generation-spec.js';
import { buildWorld } from '../../domain/generation/world.js';
import type { Batch } from './batches.js';
import type { WorkerInit, WorkerReply } from './worker-protocol.js';

/** Batches dispatched ahead of the one being written, per worker: keeps workers busy and memory bounded. */
const AHEAD_PER_WORKER = 2;

/**
 * Yields the output of every batch in batch order. With workers, batches go round-robin to worker
 * threads; since each batch depends only on the spec and its customer range, the result is the same
 * bytes whatever the number of workers.
 */
export async function* runBatches(
  spec: GenerationSpec,
  batches: readonly Batch[],
  workers: number,
): AsyncGenerator<BatchOutput> {
  if (workers <= 0) {
    const world = buildWorld(spec);
    for (const b of batches) {
      yield generateBatch(world, b.from, b.to);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => startWorker(spec));
  const waiting = new Map<number, { resolve: (o: BatchOutput) => void; reject: (e: Error) => void }>();
  const results = new Map<number, Promise<BatchOutput>>();
  let failure: Error | null = null;
  for (const w of pool) {
    w.on('message', (reply: WorkerReply) => {
      const slot = waiting.get(reply.index);
      waiting.delete(reply.index);
      if (reply.kind === 'done') slot?.resolve(reply.output);
      else slot?.reject(new Error(`generation failed in batch ${reply.index}: ${reply.message}`));
    });
    w.on('error', (error) => {
      failure = error;
      for (const s of waiting.values()) s.reject(error);
      waiting.clear();
    });
  }
  let dispatched = 0;
  const dispatchUpTo = (limit: number) => {
    for (; dispatched < Math.min(limit, batches.length); dispatched++) {
      const batch = batches[dispatched] as Batch;
      results.set(
        batch.index,
        new Promise<BatchOutput>((resolve, reject) => {
          if (failure) return reject(failure);
          waiting.set(batch.index, { resolve, reject });
          pool[dispatched % pool.length]?.postMessage(batch);
        }),
      );
    }
  };
  try {
    for (let next = 0; next < batches.length; next++) {
      dispatchUpTo(next + pool.length * AHEAD_PER_WORKER);
      const output = await results.get(next);
      results.delete(next);
      if (output) yield output;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function startWorker(spec: GenerationSpec): Worker {
  const workerData: WorkerInit = { spec };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./generate-worker.js', import.meta.url), { workerData });
  // Running from sources (vitest, tsx): Node 20 does not apply ESM loader hooks in workers, so the worker
  // registers tsx's require hook and loads the .ts entry through it.
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./generate-worker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
