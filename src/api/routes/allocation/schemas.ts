import { z } from 'zod';
import { REP_ROLES } from '../../../contracts/allocation/roles.js';
import { RunId } from '../customers/schemas.js';

/** Answers hold readonly arrays. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** The longest solver time limit per component a request may ask for, seconds. */
export const MAX_TIME_LIMIT_SECONDS = 600;

export const PlanBody = z.strictObject({
  runId: RunId.optional().describe('Tiering run whose tiers to use (default: the latest)'),
  dryRun: z
    .boolean()
    .default(true)
    .describe('true (default): compute the plan only; false: compute and apply it (allocation.apply)'),
  maxMoves: z
    .number()
    .int()
    .min(0)
    .nullable()
    .optional()
    .describe('Customers allowed to change owner this round (null = no limit)'),
  maxMovesPct: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('The same as a percentage of the owned customers; with maxMoves the smaller applies'),
  balance: z
    .number()
    .min(0)
    .optional()
    .describe('Trade value for even workloads (0 = value only; 1 = a full spread costs one average book)'),
  candidates: z.number().int().min(1).max(100).optional().describe('Nearest eligible owners per customer'),
  timeLimitSeconds: z
    .number()
    .positive()
    .max(MAX_TIME_LIMIT_SECONDS)
    .optional()
    .describe('Solver time limit per component, seconds (default 60)'),
});

const StrategyMetricsSchema = z.object({
  assigned: z.number().int(),
  unassigned: z.number().int(),
  valueServed: z.number(),
  travelCost: z.number(),
  net: z.number(),
  moves: z.number().int(),
  overCapacityOwners: z.number().int(),
  workloadGini: z.number(),
  utilizationMax: z.number().nullable(),
  utilizationMin: z.number().nullable(),
});

const OwnerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  team: z.string(),
  role: z.enum(REP_ROLES),
  workload: z.number().describe('Points (hours) per week'),
  capacity: z.number(),
  utilization: z.number().nullable().describe('workload / capacity (null when not finite)'),
  value: z.number().describe('Value of the book, yuan per year'),
  customers: z.number().int(),
});

const MoveSchema = z.object({
  customerId: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  toTeam: z.string(),
  gain: z.number(),
});

/** AllocationPlan (src/contracts/allocation/plan.ts) without its moves, as stored with an applied round. */
export const StoredPlanSchema = z.object({
  roundId: z.string(),
  runId: z.string(),
  asOf: z.string(),
  applied: z.boolean(),
  assigned: z.number().int(),
  unassigned: list(z.object({ customerId: z.string(), reason: z.string() })),
  moveBudget: z.number().int().nullable(),
  objective: z.number(),
  bound: z.number().nullable().describe("The LP relaxation's optimum"),
  gap: z.number().nullable().describe('(bound − objective) / |bound|'),
  status: z.enum(['optimal', 'time_limit']),
  components: z.number().int(),
  owners: list(OwnerSummarySchema),
  workloadGini: z.number(),
  workloadMax: z.number(),
  workloadMin: z.number(),
  workloadMaxMin: z.number().nullable(),
  comparison: z.object({ optimiser: StrategyMetricsSchema, zScore: StrategyMetricsSchema }),
  seconds: z.object({ load: z.number(), solve: z.number(), total: z.number() }),
});

export const AllocationPlanSchema = StoredPlanSchema.extend({ moves: list(MoveSchema) });

export const RoundSummarySchema = z.object({
  roundId: z.string(),
  runId: z.string(),
  asOf: z.string(),
  appliedAt: z.string(),
  appliedBy: z.string().nullable(),
  assigned: z.number().int(),
  unassigned: z.number().int().describe('Customers left without an owner'),
  moves: z.number().int().describe('Customers whose owner changed'),
  objective: z.number(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  status: z.enum(['optimal', 'time_limit']),
  workloadGini: z.number(),
  owners: z.number().int(),
});

const Explanation = z
  .unknown()
  .describe('Why this owner: the chosen pairing and the alternatives with their cost');

export const RoundDetailSchema = z.object({
  round: z.object({
    roundId: z.string(),
    runId: z.string(),
    asOf: z.string(),
    appliedAt: z.string(),
    appliedBy: z.string().nullable(),
    settings: z.unknown().describe('The allocation settings used'),
  }),
  plan: StoredPlanSchema,
  moves: z.object({
    items: list(
      MoveSchema.omit({ toTeam: true }).extend({
        toName: z.string(),
        toTeam: z.string(),
        explanation: Explanation,
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
});

export const RoundListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const RoundParams = z.object({ roundId: z.string().min(1).max(200) });

export const RoundMovesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const OwnerHistorySchema = z.object({
  customerId: z.string(),
  mergedFrom: z.string().nullable(),
  changes: list(
    z.object({
      roundId: z.string(),
      appliedAt: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      toName: z.string(),
      toTeam: z.string(),
      gain: z.number(),
      explanation: Explanation,
    }),
  ),
});
