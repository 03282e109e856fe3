import { z } from 'zod';
import { TRIGGERED_ACTIONS } from '../tiering/actions.js';
import { BilingualSchema, OwnerSchema, TagSchema, TierSchema } from './common.js';

/** The tags the risk page lists. */
export const RISK_TAGS = ['high_risk', 'churn_warning'] as const;
export const RiskTagSchema = z.enum(RISK_TAGS);
export type RiskTag = z.infer<typeof RiskTagSchema>;

/** Follow-up of an action a run triggered for a customer; `open` until someone marks it. */
export const ACTION_STATUSES = ['open', 'done', 'dismissed'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ActionKindSchema = z.enum(TRIGGERED_ACTIONS);

/** An action triggered by the run and where it stands. */
export const ActionTaskSchema = z.object({
  action: ActionKindSchema,
  status: ActionStatusSchema,
  note: z.string().nullable(),
  /** Who last set the status (user name or key id); null while never touched. */
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ActionTask = z.infer<typeof ActionTaskSchema>;

/** One tagged customer of the run. Contact data is masked for callers without personal.read. */
export const RiskItemSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  tier: TierSchema.nullable(),
  tierName: BilingualSchema.nullable(),
  score: z.number().nullable(),
  /** Net purchases in the long window, yuan. */
  monetary: z.number().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  /** Why the customer has the tag, in both languages. */
  reason: BilingualSchema,
  /** All tags of the customer in the run. */
  tags: z.array(TagSchema),
  owner: OwnerSchema.nullable(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  /** Every action the run triggered for the customer, with its status. */
  actions: z.array(ActionTaskSchema),
});
export type RiskItem = z.infer<typeof RiskItemSchema>;

/** GET /api/v1/insights/risk: sorted by net purchases, largest first. */
export const RiskPageSchema = z.object({
  runId: z.string(),
  asOf: z.string(),
  tag: RiskTagSchema,
  /** Customers with the tag within the caller's scope. */
  total: z.number().int(),
  items: z.array(RiskItemSchema),
  nextCursor: z.string().nullable(),
});
export type RiskPage = z.infer<typeof RiskPageSchema>;

/** PATCH /api/v1/insights/actions. */
export const ActionUpdateSchema = z.strictObject({
  runId: z.string().min(1).max(100),
  customerId: z.string().min(1).max(64),
  action: ActionKindSchema,
  status: ActionStatusSchema,
  note: z.string().max(500).nullish(),
});
export type ActionUpdate = z.infer<typeof ActionUpdateSchema>;

export const ActionUpdatedSchema = ActionTaskSchema.extend({ runId: z.string(), customerId: z.string() });
export type ActionUpdated = z.infer<typeof ActionUpdatedSchema>;
