import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import type { TagName, Tier } from '../../contracts/tiering/tiers.js';
import type {
  PolicyChangedData,
  PolicyField,
  PolicyValue,
  TagChangedData,
  TierChangedData,
} from './event-types.js';

/** One customer's row of a snapshot, as far as events are concerned. */
export interface SnapshotCustomer {
  readonly customerId: string;
  readonly tier: Tier | null;
  readonly tierReason: string | null;
  readonly tags: readonly TagName[];
  /** Aligned with tags. */
  readonly tagReasons: readonly (string | null)[];
  readonly policy: Readonly<Record<PolicyField, PolicyValue>>;
}

export type ChangeEvent =
  | { readonly type: 'tier.changed'; readonly data: TierChangedData }
  | { readonly type: 'tag.added'; readonly data: TagChangedData }
  | { readonly type: 'tag.removed'; readonly data: TagChangedData }
  | { readonly type: 'policy.changed'; readonly data: PolicyChangedData };

const NO_POLICY = Object.fromEntries(POLICY_COLUMNS.map((c) => [c, null])) as Record<
  PolicyField,
  PolicyValue
>;

/**
 * The change events between two snapshots of customers: a customer absent from one side counts as having no
 * tier, no tags and no policy there. This is the definition the engine's SQL (src/sql/webhooks/run-events-sql.ts)
 * implements set-wise; a test checks that both agree.
 */
export function diffSnapshots(
  previous: readonly SnapshotCustomer[],
  current: readonly SnapshotCustomer[],
  run: { runId: string; asOf: string },
): ChangeEvent[] {
  const before = new Map(previous.map((c) => [c.customerId, c]));
  const after = new Map(current.map((c) => [c.customerId, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const events: ChangeEvent[] = [];
  for (const customerId of ids) {
    const p = before.get(customerId);
    const c = after.get(customerId);
    const fromTier = p?.tier ?? null;
    const toTier = c?.tier ?? null;
    if (fromTier !== toTier)
      events.push({
        type: 'tier.changed',
        data: { customerId, from: fromTier, to: toTier, reason: c?.tierReason ?? null, ...run },
      });
    const tagsBefore = new Set(p?.tags ?? []);
    const tagsAfter = new Set(c?.tags ?? []);
    (c?.tags ?? []).forEach((tag, i) => {
      if (!tagsBefore.has(tag))
        events.push({ type: 'tag.added', data: { customerId, tag, reason: c?.tagReasons[i] ?? null } });
    });
    (p?.tags ?? []).forEach((tag, i) => {
      if (!tagsAfter.has(tag))
        events.push({ type: 'tag.removed', data: { customerId, tag, reason: p?.tagReasons[i] ?? null } });
    });
    const policyBefore = p?.policy ?? NO_POLICY;
    const policyAfter = c?.policy ?? NO_POLICY;
    const changes: Partial<Record<PolicyField, { before: PolicyValue; after: PolicyValue }>> = {};
    for (const field of POLICY_COLUMNS)
      if (policyBefore[field] !== policyAfter[field])
        changes[field] = { before: policyBefore[field], after: policyAfter[field] };
    if (Object.keys(changes).length > 0)
      events.push({ type: 'policy.changed', data: { customerId, changes } });
  }
  return events;
}

/** The key that identifies an event within a run: type, customer and (for tags) the tag. */
export function changeEventKey(e: ChangeEvent): string {
  switch (e.type) {
    case 'tag.added':
    case 'tag.removed':
      return `${e.type}|${e.data.customerId}|${e.data.tag}`;
    default:
      return `${e.type}|${e.data.customerId}`;
  }
}
