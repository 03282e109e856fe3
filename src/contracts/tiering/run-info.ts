import type { Tier } from './tiers.js';

/** A committed tiering run, as listed. */
export interface RunInfo {
  readonly runId: string;
  readonly asOf: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly configHash: string;
  /** The first saved configuration version with this hash, or null (e.g. a CLI run with its own file). */
  readonly configVersion: number | null;
  readonly primaryModel: string;
  readonly customers: number;
  readonly durationMs: number;
  /** run, backfill or schedule. */
  readonly trigger: string;
  /** Customers per tier in the run's snapshot. */
  readonly tiers: Readonly<Record<Tier, number>>;
  /** Customers the run excluded (no tier). */
  readonly excluded: number;
}
