import { FEATURE_NAMES, type FeatureName } from '../../../contracts/tiering/features.js';
import type { Tier } from '../../../contracts/tiering/tiers.js';

/** Why the next batch run gave a customer another tier than the stream's last decision. */
export const DIFFERENCE_REASONS = ['quotas_moved', 'hysteresis', 'override', 'data_changed'] as const;
export type DifferenceReason = (typeof DIFFERENCE_REASONS)[number];

export const DIFFERENCE_EXPLANATIONS: Readonly<Record<DifferenceReason, string>> = {
  quotas_moved:
    'same features, but the run ranked everyone again: the cut-offs and normalisation the stream used have moved',
  hysteresis: 'same features and candidate tier, but hysteresis held the tier in one and not the other',
  override: 'a manual override decided the tier in one of them',
  data_changed:
    'the features differ: data arrived after the stream’s decision (an import, later events) or another as-of day',
};

/** One customer the stream decided about, as the stream left it and as the next run decided. */
export interface ReconciledCustomer {
  readonly customerId: string;
  readonly stream: SideOf;
  readonly batch: SideOf | null;
}

export interface SideOf {
  readonly tier: Tier | null;
  readonly candidateTier: Tier | null;
  readonly tierReason: string | null;
  readonly features: Readonly<Record<FeatureName, number | null>>;
}

/** Features equal up to the last bits of a double (sums may be aggregated in another order). */
const sameFeatures = (a: SideOf['features'], b: SideOf['features']): boolean =>
  FEATURE_NAMES.every((f) => {
    const x = a[f];
    const y = b[f];
    if (x === null || y === null) return x === y;
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  });

/** Why a customer's tiers differ (null when they agree). A customer missing from the run has changed data. */
export function differenceReason(c: ReconciledCustomer): DifferenceReason | null {
  const { stream, batch } = c;
  if (batch === null) return 'data_changed';
  if (stream.tier === batch.tier) return null;
  if (stream.tierReason === 'override' || batch.tierReason === 'override') return 'override';
  if (!sameFeatures(stream.features, batch.features)) return 'data_changed';
  return stream.candidateTier === batch.candidateTier ? 'hysteresis' : 'quotas_moved';
}

export interface StreamReconciliation {
  /** Customers the stream decided about against the previous run. */
  readonly decided: number;
  readonly agree: number;
  readonly differ: number;
  readonly reasons: Readonly<Record<DifferenceReason, number>>;
  /** A few differing customers, for a look. */
  readonly examples: readonly {
    readonly customerId: string;
    readonly stream: Tier | null;
    readonly batch: Tier | null;
    readonly reason: DifferenceReason;
  }[];
}

/** Counts agreements and differences by reason; `decided` includes the agreeing customers not passed in. */
export function reconcile(
  decided: number,
  differing: readonly ReconciledCustomer[],
  maxExamples = 20,
): StreamReconciliation {
  const reasons = Object.fromEntries(DIFFERENCE_REASONS.map((r) => [r, 0])) as Record<
    DifferenceReason,
    number
  >;
  const examples: StreamReconciliation['examples'][number][] = [];
  for (const c of differing) {
    const reason = differenceReason(c);
    if (reason === null) continue;
    reasons[reason] += 1;
    if (examples.length < maxExamples)
      examples.push({
        customerId: c.customerId,
        stream: c.stream.tier,
        batch: c.batch?.tier ?? null,
        reason,
      });
  }
  const differ = DIFFERENCE_REASONS.reduce((n, r) => n + reasons[r], 0);
  return { decided, agree: decided - differ, differ, reasons, examples };
}
