import { z } from 'zod';
import { TIERS, type Tier } from '../tiering/tiers.js';
import { REP_ROLES, type RepRole } from './roles.js';

const byTier = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(TIERS.map((t) => [t, schema])) as Record<Tier, T>);
const byRole = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(REP_ROLES.map((r) => [r, schema])) as Record<RepRole, T>);

const Share = z.number().min(0).max(1);

/**
 * How allocation values and costs a pairing of customer and rep (docs/allocation.md has the objective). Every field
 * has a default, so an empty object is valid; a settings file or CLI flags override single fields.
 */
export const AllocationSettingsSchema = z.strictObject({
  /** Minutes on site per visit. */
  visitMinutes: z.number().positive().default(40),
  /** Phone and service minutes per customer per week, by tier (customers without a tier count as bronze). */
  serviceMinutesPerWeek: byTier(z.number().min(0)).default({
    platinum: 30,
    gold: 10,
    silver: 4,
    bronze: 2,
  }),
  /** Average driving speed in town, km/h. */
  speedKmh: z.number().positive().default(25),
  /** Road distance per straight-line distance. */
  roadFactor: z.number().min(1).default(1.3),
  /** Yuan per km driven. */
  costPerKm: z.number().min(0).default(1.5),
  /** One-way travel minutes assumed for a customer without coordinates. */
  defaultTravelMinutes: z.number().min(0).default(20),
  /** Candidate pruning: at most this many eligible reps per customer, the nearest (the current owner is kept). */
  candidates: z.number().int().min(1).max(100).default(8),
  /** Fit of a rep's role to the customer's tier (1 = ideal), multiplied into the value served. */
  roleFit: byTier(byRole(Share)).default({
    platinum: { key_account: 1, sales: 0.9, service: 0.8 },
    gold: { key_account: 0.95, sales: 1, service: 0.85 },
    silver: { key_account: 0.85, sales: 0.95, service: 1 },
    bronze: { key_account: 0.8, sales: 0.9, service: 1 },
  }),
  /** Fit lost by a junior rep on a Platinum or Gold account. */
  juniorPenalty: Share.default(0.05),
  /** Fit gained when the rep has the customer's cuisine among their skills (capped at 1). */
  cuisineBonus: Share.default(0.05),
  /** Share of a year's value at risk when an account changes hands after `continuityYears` of history. */
  continuityRate: Share.default(0.1),
  continuityYears: z.number().positive().default(1),
  /** Yuan a move must gain beyond the continuity cost before it is worth making. */
  moveThreshold: z.number().min(0).default(100),
  /**
   * Trade of value for evenness: the objective loses balance × (value of an average book) × (highest − lowest
   * utilisation). 0 = value only.
   */
  balance: z.number().min(0).default(0),
  /**
   * Customers allowed to change owner in one round (null = no limit); with maxMovesPct the smaller applies. By
   * default at most 10 % of the owned customers move per round: a book built by hand can look worth reshuffling
   * wholesale, and relationships are not rebuilt in a week. 100 (or null) lifts the limit.
   */
  maxMoves: z.number().int().min(0).nullable().default(null),
  maxMovesPct: z.number().min(0).max(100).nullable().default(10),
  /** Solver limits per component: wall-clock seconds and the relative MIP gap at which it stops. */
  timeLimitSeconds: z.number().positive().default(60),
  mipGap: z.number().min(0).max(0.5).default(0.001),
});

export type AllocationSettings = z.output<typeof AllocationSettingsSchema>;
export type AllocationSettingsInput = z.input<typeof AllocationSettingsSchema>;

export const DEFAULT_ALLOCATION_SETTINGS: AllocationSettings = AllocationSettingsSchema.parse({});
