import type { AllocationSettings } from '../../contracts/allocation/settings.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { AllocationInput } from './load-allocation-input.js';
import type { RoundParts } from './plan-allocation.js';

/** Sent once as workerData: what to solve. */
export interface PlanWorkerInit {
  readonly input: AllocationInput;
  readonly settings: AllocationSettings;
  readonly loadSeconds: number;
}

/** The round without its input, which the caller already has. */
export type SolvedParts = Omit<RoundParts, 'input'>;

export type PlanWorkerReply =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly parts: SolvedParts }
  | {
      readonly kind: 'failed';
      /** A registry code when the error was a StratumError. */
      readonly code: ErrorCode | null;
      readonly message: string;
      readonly details: unknown;
    };
