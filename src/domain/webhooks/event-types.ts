import type { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { TagName, Tier } from '../../contracts/tiering/tiers.js';

/** The event types a subscription may receive (docs/webhooks.md describes each payload). */
export const WEBHOOK_EVENT_TYPES = [
  'tier.changed',
  'tag.added',
  'tag.removed',
  'policy.changed',
  'run.completed',
  'owner.changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Event types computed per customer from the difference of two snapshots. */
export const CHANGE_EVENT_TYPES = [
  'tier.changed',
  'tag.added',
  'tag.removed',
  'policy.changed',
] as const satisfies readonly WebhookEventType[];
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

export type PolicyField = (typeof POLICY_COLUMNS)[number];
export type PolicyValue = string | number | boolean | null;

export interface TierChangedData {
  readonly customerId: string;
  /** Tier in the previous run; null when excluded or absent. */
  readonly from: Tier | null;
  /** Tier in this run; null when excluded or absent. */
  readonly to: Tier | null;
  /** Why the customer has its new tier (quota, min_score, inactive, hysteresis, override); null when absent. */
  readonly reason: string | null;
  readonly runId: string;
  readonly asOf: string;
}

export interface TagChangedData {
  readonly customerId: string;
  readonly tag: TagName;
  /** tag.added: why the tag fired; tag.removed: why it had fired in the previous run. */
  readonly reason: string | null;
}

export interface PolicyChangedData {
  readonly customerId: string;
  /** Only the fields whose value differs, with the previous and the new value. */
  readonly changes: Readonly<Partial<Record<PolicyField, { before: PolicyValue; after: PolicyValue }>>>;
}

/** What a receiver gets as the JSON body of one delivery. */
export interface WebhookEnvelope<T extends WebhookEventType = WebhookEventType, D = unknown> {
  /** Event id: the same for every subscription receiving this event. */
  readonly id: string;
  readonly type: T;
  /** When the run that caused the event committed (ISO 8601, UTC). */
  readonly occurredAt: string;
  readonly runId: string;
  readonly asOf: string;
  readonly data: D;
}

/** An applied allocation round gave the customer a new account manager. */
export interface OwnerChangedData {
  readonly customerId: string;
  /** Rep before; null when the customer had none. */
  readonly from: string | null;
  readonly to: string;
  /** Team of the new rep. */
  readonly team: string;
  readonly roundId: string;
  /** Objective gained by the move, yuan per year. */
  readonly gain: number;
}
