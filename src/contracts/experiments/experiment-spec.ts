import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';
import { TIERS } from '../tiering/tiers.js';

/** What is randomised: single customers, or whole clusters so that one rep or one district never serves both arms. */
export const RANDOMISATION_UNITS = ['customer', 'rep', 'district'] as const;
export type RandomisationUnit = (typeof RANDOMISATION_UNITS)[number];

export const STRATA = ['tier', 'city'] as const;
export type Stratum = (typeof STRATA)[number];

/** Per-customer outcomes the engine computes for the pre-period and the post-period. */
export const EXPERIMENT_METRICS = [
  'gmv',
  'margin',
  'orders_per_month',
  'repurchase',
  'churned',
  'overdue_rate',
] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];

/**
 * What a variant changes, and what it costs: an extra rebate on the variant's GMV and extra visits per customer
 * and month (a variant with neither is a control, or a change whose cost is not counted, such as a new script).
 */
export const VariantSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    weight: z.number().positive().default(1),
    description: z.string().max(500).optional(),
    extraRebatePct: z.number().min(0).max(50).default(0),
    extraVisitsPerMonth: z.number().min(0).max(30).default(0),
  })
  .strict();
export type Variant = z.infer<typeof VariantSchema>;

/** An experiment as written in a spec file (YAML or JSON) or posted to the API. */
export const ExperimentSpecSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(2000).optional(),
    population: z
      .object({
        tiers: z.array(z.enum(TIERS)).min(1).optional(),
        cities: z.array(z.string().trim().min(1)).min(1).optional(),
        customerTypes: z
          .array(z.enum(['chain', 'single']))
          .min(1)
          .optional(),
      })
      .strict()
      .default({}),
    unit: z.enum(RANDOMISATION_UNITS).default('customer'),
    strata: z.array(z.enum(STRATA)).default(['tier', 'city']),
    /** The first variant is the control. */
    variants: z
      .array(VariantSchema)
      .min(2)
      .refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, 'variant names must be unique'),
    /** First day of the treatment; the pre-period is the `preDays` days before it. */
    start: IsoDateSchema,
    /** Last day of the post-period (default: the analysis date). */
    end: IsoDateSchema.optional(),
    preDays: z.number().int().min(14).max(730).default(90),
    primaryMetric: z.enum(EXPERIMENT_METRICS).default('gmv'),
    /** The cost of one visit in yuan, for the ROI of variants with extra visits. */
    costPerVisit: z.number().min(0).default(80),
    /** Hash salt of the assignment (default: the experiment's name). */
    salt: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((s) => s.end === undefined || s.end >= s.start, {
    message: 'end must not be before start',
    path: ['end'],
  });
export type ExperimentSpec = z.infer<typeof ExperimentSpecSchema>;
