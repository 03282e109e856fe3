import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StratumError, type ErrorCode, type ErrorDetails } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { loadAllocationInput } from './load-allocation-input.js';
import { roundOf, type PlanAllocationOptions, type PlannedRound } from './plan-allocation.js';
import type { PlanWorkerInit, PlanWorkerReply } from './plan-worker-protocol.js';

function startWorker(workerData: PlanWorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./plan-worker.js', import.meta.url), { workerData });
  // Running from sources (vitest, tsx): Node 20 does not apply ESM loader hooks in workers, so the worker
  // registers tsx's require hook and loads the .ts entry through it (as src/app/generate/batch-runner.ts does).
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./plan-worker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function errorOf(reply: Extract<PlanWorkerReply, { kind: 'failed' }>): Error {
  if (reply.code === null) return new Error(`allocation solve failed: ${reply.message}`);
  return new StratumError(reply.code, reply.message, reply.details as ErrorDetails<ErrorCode>);
}

/**
 * planAllocation with the CPU-bound part (building the candidates, the HiGHS solve, the comparison) on a worker
 * thread, so that a server stays responsive during a solve of seconds to minutes. The input is loaded here, on
 * the caller's engine; the result is the same PlannedRound.
 */
export async function planAllocationInWorker(
  engine: Engine,
  options: PlanAllocationOptions,
): Promise<PlannedRound> {
  const start = performance.now();
  const input = await loadAllocationInput(engine, options.runId);
  const loadSeconds = Math.round((performance.now() - start) / 10) / 100;
  const worker = startWorker({ input, settings: options.settings, loadSeconds });
  try {
    const parts = await new Promise<Extract<PlanWorkerReply, { kind: 'done' }>['parts']>(
      (resolve, reject) => {
        worker.on('message', (reply: PlanWorkerReply) => {
          if (reply.kind === 'progress') options.onProgress?.(reply.done, reply.total);
          else if (reply.kind === 'done') resolve(reply.parts);
          else reject(errorOf(reply));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`the allocation worker stopped (exit code ${code})`)));
      },
    );
    return roundOf({ ...parts, input });
  } finally {
    await worker.terminate();
  }
}
