import { z } from 'zod';
import { FEATURE_NAMES, type FeatureName } from './features.js';
import { TAGS, TIERS } from './tiers.js';

const FeatureNameSchema = z
  .string()
  .refine((f): f is FeatureName => (FEATURE_NAMES as string[]).includes(f), {
    error: (issue) => `unknown feature "${String(issue.input)}" (known: ${FEATURE_NAMES.join(', ')})`,
  });
const finite = (what: string) => z.number().refine(Number.isFinite, `${what} must be a finite number`);
const percent = z.number().min(0).max(100);
const TierSchema = z.enum(TIERS);

export const NormalisationSchema = z.enum(['percentile', 'minmax', 'zscore']);

export const WeightedFeatureSchema = z.object({
  feature: FeatureNameSchema,
  /** Signed: a negative weight counts the feature against the customer (after flipping lower-is-better features). */
  weight: finite('weight'),
  normalize: NormalisationSchema.default('percentile'),
});

/** Quantiles at which min-max normalisation clips outliers. */
const WinsorizeSchema = z
  .object({ lower: z.number().min(0).max(0.5), upper: z.number().min(0.5).max(1) })
  .default({ lower: 0.01, upper: 0.99 });

/** Model specs: a tagged union, so later models (learned, CLV-based) add a member without touching these. */
export const ModelSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seed_rfm') }),
  z.object({ kind: z.literal('rfm_quintile') }),
  z
    .object({
      kind: z.literal('weighted'),
      preset: z.enum(['profit', 'growth']).optional(),
      features: z.array(WeightedFeatureSchema).optional(),
      winsorize: WinsorizeSchema,
    })
    .refine(
      (m) => (m.preset === undefined) !== (m.features === undefined),
      'give either a preset or features, not both',
    )
    .refine((m) => !m.features || m.features.some((f) => f.weight !== 0), 'weights are all zero'),
  z.object({
    /** Ranks by predicted margin (feature predicted_margin: CLV models fitted as of the run, see `prediction`). */
    kind: z.literal('predicted_clv'),
    /** Optionally blended with weighted terms: `weight` of the score from them, the rest from the prediction. */
    blend: z
      .object({
        preset: z.enum(['profit', 'growth']).optional(),
        features: z.array(WeightedFeatureSchema).optional(),
        weight: z.number().min(0).lt(1),
      })
      .refine(
        (b) => (b.preset === undefined) !== (b.features === undefined),
        'give either a preset or features, not both',
      )
      .refine((b) => !b.features || b.features.some((f) => f.weight !== 0), 'weights are all zero')
      .optional(),
    winsorize: WinsorizeSchema,
  }),
]);

/** How the predicted_margin feature is fitted and predicted, when a model reads it (docs/models.md). */
export const PredictionSchema = z.object({
  model: z.enum(['bgnbd', 'pareto_nbd', 'mbgnbd']).default('bgnbd'),
  /** Days of margin to predict. */
  horizonDays: z.number().int().min(7).default(365),
  /** L2 penalty of the maximum-likelihood fits. */
  penalty: z.number().min(0).default(0),
});

export const HysteresisSchema = z.object({
  /** A move across a boundary needs the customer's rank to clear it by this many percentage points… */
  marginPct: percent.default(2),
  /** …or the new tier to have been indicated this many runs in a row. */
  runs: z.number().int().min(1).default(2),
});

export const TiersConfigSchema = z
  .object({
    quotas: z
      .object({ platinum: percent, gold: percent, silver: percent, bronze: percent })
      .default({ platinum: 5, gold: 15, silver: 30, bronze: 50 }),
    /** Quotas apply across all customers, or within each city, or within each customer type. */
    scope: z.enum(['all', 'city', 'customer_type']).default('all'),
    /** A tier also needs at least this score (else the customer falls to the next tier down). */
    minScore: z
      .object({ platinum: finite('minScore'), gold: finite('minScore'), silver: finite('minScore') })
      .partial()
      .default({}),
    /** Customers without an order in the long window: ranked Bronze, or left out of the quotas as inactive. */
    inactive: z.enum(['bronze', 'exclude']).default('bronze'),
    hysteresis: HysteresisSchema.nullable().default({ marginPct: 2, runs: 2 }),
  })
  .refine(
    (t) => Math.abs(t.quotas.platinum + t.quotas.gold + t.quotas.silver + t.quotas.bronze - 100) < 1e-9,
    {
      message: 'tier quotas must sum to 100 %',
      path: ['quotas'],
    },
  );

export const TagRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('high_potential'),
    /** Growth of recent purchases (short window over the one before) at least this… */
    minGrowth: z.number().default(0.5),
    /** …for a customer not already in a tier above this one. */
    maxTier: TierSchema.default('silver'),
    minOrdersRecent: z.number().int().min(0).default(3),
  }),
  z.object({
    kind: z.literal('high_risk'),
    maxOnTimePaymentRate: z.number().min(0).max(1).default(0.7),
    minDaysPastDue: z.number().min(0).default(30),
    minOpenDisputes: z.number().int().min(1).default(1),
    minSevereComplaints: z.number().int().min(1).default(3),
    maxCreditScore: z.number().min(1).max(9).default(4),
  }),
  z.object({
    kind: z.literal('churn_warning'),
    /** The gap since the last order is this many times the customer's own usual interval… */
    gapFactor: z.number().min(1).default(3),
    /** …and at least this many days; */
    minGapDays: z.number().min(1).default(14),
    /** or recent frequency fell below this share of the long-window frequency. */
    frequencyDropTo: z.number().min(0).max(1).default(0.3),
    minOrders: z.number().int().min(1).default(4),
    /**
     * Also fire when a saved churn model (`stratum churn score --save-model FILE`) gives the customer at least
     * minProbability of not ordering in its window (default: the model's own threshold).
     */
    model: z
      .object({ file: z.string().min(1), minProbability: z.number().min(0).max(1).optional() })
      .optional(),
  }),
  z.object({
    kind: z.literal('detractor'),
    /** The latest NPS response, if given within withinDays of the as-of date, scored at most this (0–6: detractor)… */
    maxScore: z.number().int().min(0).max(10).default(6),
    /** …or the latest CSAT response within withinDays scored at most this (1–5). */
    maxCsat: z.number().int().min(1).max(5).default(2),
    withinDays: z.number().int().min(1).default(180),
  }),
]);

export const TermsSchema = z.enum(['monthly', 'weekly', 'prepaid']);

export const PolicySchema = z.object({
  service: z.object({
    dedicatedManager: z.boolean(),
    deliveryPriority: z.number().int().min(1).max(4),
    customAssortment: z.boolean(),
    visitsPerMonth: z.number().min(0),
  }),
  price: z.object({ discountPct: percent, rebatePct: percent }),
  credit: z.object({ terms: TermsSchema, creditLimit: z.number().min(0), depositPct: percent }),
});

export const ActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shorten_terms'), to: TermsSchema }),
  z.object({ kind: z.literal('raise_deposit'), toPct: percent }),
  z.object({ kind: z.literal('cap_credit'), factor: z.number().min(0).max(1) }),
  z.object({ kind: z.literal('coupon'), amount: z.number().positive() }),
  z.object({ kind: z.literal('visit_task'), withinDays: z.number().int().positive() }),
]);

export const PoliciesSchema = z.object({
  tiers: z.object({ platinum: PolicySchema, gold: PolicySchema, silver: PolicySchema, bronze: PolicySchema }),
  tags: z
    .object(
      Object.fromEntries(TAGS.map((t) => [t, z.array(ActionSchema).default([])])) as Record<
        (typeof TAGS)[number],
        z.ZodDefault<z.ZodArray<typeof ActionSchema>>
      >,
    )
    .partial()
    .default({}),
});

/** The customers a pilot takes: those of chosen cities, or one variant of an experiment's frozen assignment. */
export const PilotExperimentSchema = z.object({ name: z.string().min(1), variant: z.string().min(1) });

/**
 * A pilot: its own scoring, tiers, tags and policies for some customers — those of chosen cities, or those an
 * experiment assigned to one variant — while the rest keeps the national configuration
 * (docs/configuration.md#pilots). Keys left out are the national ones; windows, unit and prediction are shared,
 * since features are computed once for everyone.
 */
export const PilotSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a pilot name is lower-case letters, digits, _ and -'),
    /** Cities as in the customer master after cleaning (e.g. 成都). */
    cities: z.array(z.string().min(1)).min(1).optional(),
    experiment: PilotExperimentSchema.optional(),
    models: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), ModelSpecSchema).optional(),
    primaryModel: z.string().optional(),
    tiers: TiersConfigSchema.optional(),
    tags: z.array(TagRuleSchema).optional(),
    policies: PoliciesSchema.optional(),
  })
  .refine((p) => (p.cities === undefined) !== (p.experiment === undefined), {
    message: 'give either cities or experiment, not both',
    path: ['cities'],
  })
  .refine((p) => !p.tags?.some((t) => t.kind === 'churn_warning' && t.model !== undefined), {
    message:
      'a pilot’s churn_warning rule cannot name a churn model (the pilot inherits the national rule if it gives no tags)',
    path: ['tags'],
  });

export const TieringConfigSchema = z
  .object({
    version: z.literal(1),
    windows: z
      .object({
        longDays: z.number().int().min(28).default(365),
        shortDays: z.number().int().min(7).default(90),
      })
      .default({ longDays: 365, shortDays: 90 }),
    unit: z.enum(['customer', 'chain']).default('customer'),
    models: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), ModelSpecSchema),
    /** The model whose score decides tiers; the others are computed beside it for comparison. */
    primaryModel: z.string(),
    prediction: PredictionSchema.default(PredictionSchema.parse({})),
    tiers: TiersConfigSchema.default(TiersConfigSchema.parse({})),
    tags: z.array(TagRuleSchema).default([]),
    policies: PoliciesSchema,
    pilots: z.array(PilotSchema).default([]),
  })
  .refine((c) => c.primaryModel in c.models, {
    message: 'primaryModel must name one of models',
    path: ['primaryModel'],
  })
  .refine((c) => c.windows.shortDays < c.windows.longDays, {
    message: 'shortDays must be below longDays',
    path: ['windows'],
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, string>();
    c.pilots.forEach((p, i) => {
      if (c.pilots.findIndex((o) => o.name === p.name) !== i)
        ctx.addIssue({
          code: 'custom',
          message: `pilot name "${p.name}" is used twice`,
          path: ['pilots', i, 'name'],
        });
      const primary = p.primaryModel ?? c.primaryModel;
      if (!(primary in (p.models ?? c.models)))
        ctx.addIssue({
          code: 'custom',
          message: `primaryModel "${primary}" is not one of the pilot’s models`,
          path: ['pilots', i, 'primaryModel'],
        });
      if (p.experiment) {
        const { name, variant } = p.experiment;
        const twice = c.pilots.findIndex(
          (o) => o.experiment?.name === name && o.experiment.variant === variant,
        );
        if (twice !== i)
          ctx.addIssue({
            code: 'custom',
            message: `variant ${variant} of experiment ${name} is in two pilots`,
            path: ['pilots', i, 'experiment'],
          });
      }
      for (const city of p.cities ?? []) {
        const other = seen.get(city);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            message: `city ${city} is in pilots "${other}" and "${p.name}": a city follows one configuration`,
            path: ['pilots', i, 'cities'],
          });
        seen.set(city, p.name);
      }
    });
  });

export type TieringConfig = z.infer<typeof TieringConfigSchema>;
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
export type TagRule = z.infer<typeof TagRuleSchema>;
export type Pilot = z.infer<typeof PilotSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyAction = z.infer<typeof ActionSchema>;
