import { z } from 'zod';
import { PolicySchema } from '../../../contracts/tiering/config.js';
import { FEATURE_NAMES } from '../../../contracts/tiering/features.js';
import { TAGS, TIERS } from '../../../contracts/tiering/tiers.js';

const Tier = z.enum(TIERS);

/** The response shape of an explanation (`stratum explain --json`, src/app/tiering/explain-customer.ts). */
export const ExplanationSchema = z
  .object({
    customerId: z.string(),
    mergedFrom: z.string().nullable(),
    runId: z.string(),
    asOf: z.string(),
    name: z.string().nullable(),
    tier: Tier.nullable(),
    tierReason: z.string().nullable(),
    score: z.number().nullable(),
    rankPct: z.number().nullable(),
    segment: z.string().nullable(),
    model: z.string(),
    pilot: z
      .string()
      .nullable()
      .describe('The pilot whose configuration tiered the customer; null: national'),
    contributions: z
      .array(
        z.object({
          term: z.string(),
          feature: z.enum(FEATURE_NAMES),
          value: z.number().nullable(),
          normalized: z.number(),
          weight: z.number(),
          contribution: z.number(),
          change: z.number().nullable(),
        }),
      )
      .readonly(),
    boundaries: z.array(z.object({ tier: Tier, minScore: z.number(), maxScore: z.number() })).readonly(),
    tags: z.array(z.object({ tag: z.enum(TAGS), reason: z.string(), reasonZh: z.string() })).readonly(),
    policy: PolicySchema.nullable(),
    actions: z.array(z.string()).readonly(),
    previous: z.object({ runId: z.string(), tier: Tier.nullable(), score: z.number().nullable() }).nullable(),
    change: z
      .object({ en: z.string(), zh: z.string(), mainTerm: z.enum(FEATURE_NAMES).nullable() })
      .nullable(),
  })
  .describe('Why the run gave this tier and score (as `stratum explain --json`)');
