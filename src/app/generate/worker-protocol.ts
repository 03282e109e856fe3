import type { GenerationSpec } from '../../domain/generation/generation-spec.js';
import type { BatchOutput } from '../../domain/generation/generate-batch.js';
import type { Batch } from './batches.js';

/** Sent once as workerData. */
export interface WorkerInit {
  readonly spec: GenerationSpec;
}

export type WorkerRequest = Batch;

export type WorkerReply =
  | { readonly kind: 'done'; readonly index: number; readonly output: BatchOutput }
  | { readonly kind: 'failed'; readonly index: number; readonly message: string };

/** Every distinct ArrayBuffer behind the output's chunks, to transfer instead of copy. */
export function transferables(output: BatchOutput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const chunks of output.chunks) for (const c of chunks) buffers.add(c.buffer as ArrayBuffer);
  return [...buffers];
}
