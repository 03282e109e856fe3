import { z } from 'zod';
import { MERGE_RULES } from './data-model/system/customer-merges.js';
import { ORDER_FLAG_RULES } from './data-model/system/order-flags.js';
import { REFUND_FLAG_RULES } from './data-model/system/refund-flags.js';

/** What `stratum clean` found and did; printed by the CLI, stored in cleaning_runs.report (docs/cleaning.md). */
export const CleaningReportSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  customers: z.object({
    total: z.number().int(),
    /** Names that changed under normalisation (width, script, punctuation, spacing, branch suffix). */
    namesNormalised: z.number().int(),
    /** Names with a branch suffix split off into `branch`. */
    branchesSplit: z.number().int(),
    addressesNormalised: z.number().int(),
    examples: z.array(
      z.object({ customerId: z.string(), raw: z.string(), name: z.string(), branch: z.string().nullable() }),
    ),
  }),
  duplicates: z.object({
    /** Pairs proposed by blocking (same phone, same brand in a district, neighbouring grid cells). */
    candidatePairs: z.number().int(),
    /** Candidate pairs accepted by a rule. */
    matchedPairs: z.number().int(),
    /** Groups of records of one restaurant, each kept as one survivor. */
    clusters: z.number().int(),
    /** Duplicate records merged into a survivor (rows of customer_merges). */
    merged: z.number().int(),
    byRule: z.array(z.object({ rule: z.enum(MERGE_RULES), count: z.number().int() })),
    examples: z.array(
      z.object({
        customerId: z.string(),
        name: z.string(),
        survivorId: z.string(),
        survivorName: z.string(),
        rule: z.enum(MERGE_RULES),
        score: z.number(),
        evidence: z.object({
          nameSimilarity: z.number(),
          addressSimilarity: z.number().nullable(),
          distanceM: z.number().nullable(),
          samePhone: z.boolean(),
          branch: z.enum(['same', 'different', 'one_missing', 'none']),
        }),
      }),
    ),
  }),
  orders: z.object({
    flagged: z.number().int(),
    byRule: z.array(
      z.object({
        rule: z.enum(ORDER_FLAG_RULES),
        count: z.number().int(),
        /** Brushing bursts (null for other rules). */
        groups: z.number().int().nullable(),
        /** Sum of the flagged orders' amounts, yuan. */
        amount: z.number(),
        examples: z.array(
          z.object({
            orderId: z.string(),
            customerId: z.string(),
            groupId: z.string().nullable(),
            reason: z.string(),
          }),
        ),
      }),
    ),
  }),
  refunds: z.object({
    flagged: z.number().int(),
    byRule: z.array(
      z.object({
        rule: z.enum(REFUND_FLAG_RULES),
        count: z.number().int(),
        /** Sum of the flagged refunds, yuan. */
        amount: z.number(),
        examples: z.array(z.object({ refundId: z.string(), orderId: z.string(), reason: z.string() })),
      }),
    ),
  }),
});

export type CleaningReport = z.infer<typeof CleaningReportSchema>;
