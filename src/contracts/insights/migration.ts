import { z } from 'zod';
import { TIERS } from '../tiering/tiers.js';
import { OwnerSchema, RunRefSchema } from './common.js';

/** Where a customer was in the `from` run: a tier, not there yet (`new`) or without a tier (`excluded`). */
export const FROM_KEYS = [...TIERS, 'new', 'excluded'] as const;
/** Where a customer is in the `to` run: a tier, no longer there (`gone`) or without a tier (`excluded`). */
export const TO_KEYS = [...TIERS, 'gone', 'excluded'] as const;
export const FromKeySchema = z.enum(FROM_KEYS);
export const ToKeySchema = z.enum(TO_KEYS);
export type FromKey = z.infer<typeof FromKeySchema>;
export type ToKey = z.infer<typeof ToKeySchema>;

/** A Sankey node: one key on one side; `id` is `from:<key>` or `to:<key>` (unique, as ECharts needs). */
export const MigrationNodeSchema = z.object({
  id: z.string(),
  side: z.enum(['from', 'to']),
  key: z.union([FromKeySchema, ToKeySchema]),
  customers: z.number().int(),
});

/** A Sankey link between a `from` node and a `to` node. */
export const MigrationLinkSchema = z.object({
  source: z.string(),
  target: z.string(),
  from: FromKeySchema,
  to: ToKeySchema,
  customers: z.number().int(),
});

/** GET /api/v1/insights/migration: tier movements between any two runs. */
export const MigrationSchema = z.object({
  /** null when there is only one run and no `from` was given. */
  from: RunRefSchema.nullable(),
  to: RunRefSchema,
  /** Every cell with customers, as in `stratum report --json`'s `migration`. */
  matrix: z.array(z.object({ from: FromKeySchema, to: ToKeySchema, customers: z.number().int() })),
  nodes: z.array(MigrationNodeSchema),
  links: z.array(MigrationLinkSchema),
  totals: z.object({
    /** Customers in either run (the union): the sum of the matrix. */
    customers: z.number().int(),
    /** Same key on both sides (same tier, or excluded in both). */
    stayed: z.number().int(),
    /** To a better tier. */
    up: z.number().int(),
    /** To a worse tier. */
    down: z.number().int(),
    new: z.number().int(),
    gone: z.number().int(),
    /** From a tier to excluded or back. */
    excludedChanges: z.number().int(),
  }),
});
export type Migration = z.infer<typeof MigrationSchema>;

/** One customer who moved, as the drill-down lists them. */
export const MoverSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  from: FromKeySchema,
  to: ToKeySchema,
  fromScore: z.number().nullable(),
  toScore: z.number().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  /** Net purchases in the long window of the `to` run (of the `from` run for a gone customer), yuan. */
  monetary: z.number().nullable(),
  owner: OwnerSchema.nullable(),
});
export type Mover = z.infer<typeof MoverSchema>;

/** GET /api/v1/insights/migration/customers. */
export const MoversPageSchema = z.object({
  from: RunRefSchema,
  to: RunRefSchema,
  items: z.array(MoverSchema),
  nextCursor: z.string().nullable(),
});
export type MoversPage = z.infer<typeof MoversPageSchema>;
