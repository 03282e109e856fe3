import type { TagName, Tier } from '../../contracts/tiering/tiers.js';

/** A customer's stream decision as the tier lookups answer it. */
export interface StreamDecision {
  readonly customerId: string;
  readonly decisionNo: number;
  readonly tier: Tier | null;
  readonly score: number | null;
  readonly tags: readonly TagName[];
  readonly decidedAt: string;
  readonly causeEventId: string;
}

/**
 * How long after its `decided_at` a decision may commit and still be read: `decided_at` is the worker's clock when
 * its batch began, so batches running side by side commit out of that order, and workers' clocks differ a little.
 */
export const LATE_COMMIT_MS = 10_000;

/**
 * The latest stream decision of each customer under one run, as far as the reads so far have seen, and where the
 * next read starts. Each read asks for the decisions with `decided_at >= readFrom`: it reads the last
 * LATE_COMMIT_MS again, and merging keeps each customer's highest decision number, so a decision read twice, two
 * with equal timestamps or one committed late are all taken once.
 */
export class StreamOverlay {
  private readonly latest = new Map<string, StreamDecision>();
  /** The newest `decided_at` seen (ms), or null before the first decision. */
  private newest: number | null = null;
  private lastReadAt = 0;

  constructor(private readonly lateCommitMs: number = LATE_COMMIT_MS) {}

  get(customerId: string): StreamDecision | undefined {
    return this.latest.get(customerId);
  }

  /** Whether a decision read is newer than the customer's latest one seen (else it needs no parsing). */
  isNew(customerId: string, decisionNo: number): boolean {
    return decisionNo > (this.latest.get(customerId)?.decisionNo ?? 0);
  }

  /**
   * The `decided_at` (ISO 8601) the next read starts from, inclusive; null to read every decision of the run (until
   * one is seen). The newest decision seen and the last read's start are both moved back by the late-commit slack:
   * the earlier wins, so a worker clock running ahead of the others does not hide their decisions.
   */
  get readFrom(): string | null {
    if (this.newest === null) return null;
    return new Date(Math.min(this.newest, this.lastReadAt) - this.lateCommitMs).toISOString();
  }

  /** Takes in the decisions of a read that began at `readAt` (ms since the epoch, the reader's clock). */
  merge(decisions: Iterable<StreamDecision>, readAt: number): void {
    for (const d of decisions) {
      if (this.isNew(d.customerId, d.decisionNo)) this.latest.set(d.customerId, d);
      const at = Date.parse(d.decidedAt);
      if (this.newest === null || at > this.newest) this.newest = at;
    }
    this.lastReadAt = readAt;
  }
}
