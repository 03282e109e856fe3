import { z } from 'zod';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';
import { TAGS, TIERS } from '../../../contracts/tiering/tiers.js';

const TierCounts = z.object(
  Object.fromEntries(TIERS.map((t) => [t, z.number()])) as Record<(typeof TIERS)[number], z.ZodNumber>,
);

export const RunInfoSchema = z.object({
  runId: z.string(),
  asOf: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  configHash: z.string(),
  configVersion: z.number().int().nullable().describe('First saved configuration version with this hash'),
  primaryModel: z.string(),
  customers: z.number().int(),
  durationMs: z.number().int(),
  trigger: z.string().describe('run, backfill or schedule'),
  tiers: TierCounts.describe("Customers per tier in the run's snapshot"),
  excluded: z.number().int().describe('Customers the run excluded (no tier)'),
});
const TagCounts = z.object(
  Object.fromEntries(TAGS.map((t) => [t, z.number()])) as Record<(typeof TAGS)[number], z.ZodNumber>,
);
const Migration = z
  .array(z.object({ from: z.string(), to: z.string(), customers: z.number().int() }))
  .readonly();

export const RunDetailSchema = z.object({
  run: RunInfoSchema,
  report: z.object({
    runId: z.string(),
    asOf: z.string(),
    previousRunId: z.string().nullable(),
    customers: z.number().int(),
    excluded: z.number().int(),
    tiers: z
      .array(
        z.object({
          tier: z.enum(TIERS),
          customers: z.number().int(),
          customerShare: z.number(),
          revenue: z.number(),
          revenueShare: z.number(),
          margin: z.number(),
        }),
      )
      .readonly(),
    tags: TagCounts,
    migration: Migration.describe(
      "Movements since the previous run: from/to a tier, 'new', 'gone' or 'excluded'",
    ),
    distribution: z.record(z.string(), z.record(z.string(), TierCounts)),
  }),
  migrationMatrix: z
    .record(z.string(), z.record(z.string(), z.number().int()))
    .describe('migrationMatrix[from][to] = customers; empty for the first run'),
});

export const RunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const StartRunBody = z.object({
  asOf: IsoDateSchema.optional().describe(
    'Data up to the end of this day (default: yesterday in the server zone)',
  ),
});

export const StartBackfillBody = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  every: z.enum(['week', 'month']).default('week'),
});
