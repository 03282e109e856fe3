import { z } from 'zod';
import { IsoDateSchema } from './time/iso-date.js';

/** What drove a generated detractor's answer down (src/domain/generation/surveys.ts). */
export const SATISFACTION_DRIVERS = ['complaints', 'remote_district', 'small_account', 'chance'] as const;
export type SatisfactionDriver = (typeof SATISFACTION_DRIVERS)[number];

/**
 * Ground truth written by `stratum generate` beside the CSVs: every anomaly it planted, so that cleaning,
 * tags and models can be measured (precision and recall) against what is known to be there.
 */
export const TruthSchema = z.object({
  seed: z.number().int(),
  customers: z.number().int(),
  months: z.number().int(),
  /** First and last day covered by the generated history. */
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** Registrations of one real customer under a second id; `variants` names how the second one differs. */
  duplicates: z.array(
    z.object({ customerId: z.string(), duplicateOf: z.string(), variants: z.array(z.string()) }),
  ),
  /** Every order placed in a brushing burst (bursts of small near-identical orders, then cancelled or refunded). */
  brushing: z.array(z.object({ orderId: z.string(), customerId: z.string(), burstId: z.string() })),
  /** Refunds that are abnormally large for their order. */
  hugeRefunds: z.array(z.object({ refundId: z.string(), orderId: z.string() })),
  /** Customers who stopped ordering; churnDate is the day after their last order. */
  churned: z.array(z.object({ customerId: z.string(), churnDate: IsoDateSchema })),
  /** Customers whose purchases grow fast, from `since`. */
  fastGrowing: z.array(z.object({ customerId: z.string(), since: IsoDateSchema })),
  /** Customers planted as risky, with the reasons (late_payment, unpaid, dispute, complaints, poor_rating). */
  risky: z.array(z.object({ customerId: z.string(), reasons: z.array(z.string()) })),
  /**
   * Customers whose latest NPS answer is a detractor's (0–6), with what drove it down: complaints in the 90 days
   * before, a remote district, a small account, or none of these (`chance`). Empty in files written before surveys.
   */
  detractors: z
    .array(
      z.object({
        customerId: z.string(),
        respondedOn: IsoDateSchema,
        score: z.number().int().min(0).max(6),
        drivers: z.array(z.enum(SATISFACTION_DRIVERS)).min(1),
      }),
    )
    .default([]),
});

export type Truth = z.infer<typeof TruthSchema>;
export type SurveyTruth = Truth['detractors'][number];
