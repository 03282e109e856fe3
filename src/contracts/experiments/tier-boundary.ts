import { z } from 'zod';

/** The outcomes a tier edge is studied on: their change from before the run to after it. */
export const BOUNDARY_METRICS = ['gmv', 'margin', 'orders'] as const;
export type BoundaryMetric = (typeof BOUNDARY_METRICS)[number];

/** The tiers whose lower edge can be studied (bronze has none). */
export const EDGE_TIERS = ['platinum', 'gold', 'silver'] as const;
export type EdgeTier = (typeof EDGE_TIERS)[number];

/** The jump at a tier edge after a run (regression discontinuity), with its caveats. */
export const TierBoundaryEffectSchema = z.object({
  runId: z.string(),
  runAsOf: z.string(),
  tier: z.enum(EDGE_TIERS),
  metric: z.enum(BOUNDARY_METRICS),
  days: z.number().int(),
  share: z
    .number()
    .describe('The tier’s cumulative quota: the edge is at this share of ranked customers from the top'),
  bandwidth: z.number().describe('Half-width of the window around the edge, in percentile points of rank'),
  n: z
    .object({ below: z.number().int(), above: z.number().int() })
    .describe('Customers within the bandwidth'),
  estimate: z.number().describe('Jump at the edge of the change in the metric (after the run minus before)'),
  standardError: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  pValue: z.number(),
  compliance: z
    .object({ below: z.number(), above: z.number() })
    .describe(
      'Share of customers within the bandwidth actually in the tier or above, below and above the edge',
    ),
  caveats: z.array(z.string()),
});
export type TierBoundaryEffect = z.infer<typeof TierBoundaryEffectSchema>;
