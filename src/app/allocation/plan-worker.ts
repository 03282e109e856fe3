import { parentPort, workerData } from 'node:worker_threads';
import { StratumError } from '../../contracts/errors.js';
import { loadHighsSolver } from './highs-solver.js';
import { computeRound } from './plan-allocation.js';
import type { PlanWorkerInit, PlanWorkerReply } from './plan-worker-protocol.js';

/** Worker thread: solves one allocation round (HiGHS runs synchronously) and posts progress, then the round. */
const port = parentPort;
if (!port) throw new Error('plan-worker must run as a worker thread');
const post = (reply: PlanWorkerReply) => port.postMessage(reply);

function failure(error: unknown): PlanWorkerReply {
  if (error instanceof StratumError)
    return { kind: 'failed', code: error.code, message: error.message, details: error.details };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: 'failed', code: null, message, details: null };
}

// No top-level await: from sources the worker is loaded through a CommonJS require hook.
async function solve(): Promise<void> {
  const { input, settings, loadSeconds } = workerData as PlanWorkerInit;
  const solver = await loadHighsSolver();
  const round = computeRound(input, settings, solver, {
    loadSeconds,
    onProgress: (done, total) => post({ kind: 'progress', done, total }),
  });
  const { plan, problem, solution, context } = round;
  post({ kind: 'done', parts: { plan, problem, solution, context } });
}

solve().catch((error: unknown) => post(failure(error)));
