import { TRIGGERED_ACTIONS, type TriggeredActionKind } from '../../../contracts/tiering/actions.js';
import type { Policy, PolicyAction, TieringConfig } from '../../../contracts/tiering/config.js';
import { TIERS, type TagName, type Tier } from '../../../contracts/tiering/tiers.js';
import { effectivePolicy } from './effective-policy.js';

type Policies = TieringConfig['policies'];

/** A customer's state in one run: its tier and tags. */
export interface TierAndTags {
  readonly tier: Tier | null;
  readonly tags: readonly TagName[];
}

/** Something a run asks someone to do, and why. */
export type TriggeredAction =
  | { readonly kind: PolicyAction['kind']; readonly tag: TagName; readonly action: PolicyAction }
  | { readonly kind: 'tier_up' | 'tier_down'; readonly from: Tier; readonly to: Tier }
  | {
      readonly kind: 'terms_changed';
      readonly from: Policy['credit']['terms'];
      readonly to: Policy['credit']['terms'];
    };

/**
 * What changed since the previous run (null when the customer was not in it):
 * - each tag newly added triggers its configured actions (on a first run every tag is new);
 * - a move between tiers triggers tier_up or tier_down (not an entry into or exit from the tiers);
 * - a change of effective payment terms triggers terms_changed. The snapshot keeps tier and tags, so the
 *   previous terms are those the current config gives the previous tier and tags.
 * Tag actions come in tag name order, each tag's in config order.
 */
export function triggeredActions(
  policies: Policies,
  now: TierAndTags,
  previous: TierAndTags | null,
): TriggeredAction[] {
  const out: TriggeredAction[] = [];
  const before = new Set(previous?.tags ?? []);
  for (const tag of [...now.tags].sort()) {
    if (before.has(tag)) continue;
    for (const action of policies.tags[tag] ?? []) out.push({ kind: action.kind, tag, action });
  }
  if (previous?.tier && now.tier && previous.tier !== now.tier) {
    const up = TIERS.indexOf(now.tier) < TIERS.indexOf(previous.tier);
    out.push({ kind: up ? 'tier_up' : 'tier_down', from: previous.tier, to: now.tier });
  }
  if (previous) {
    const from = effectivePolicy(policies, previous.tier, previous.tags)?.credit.terms;
    const to = effectivePolicy(policies, now.tier, now.tags)?.credit.terms;
    if (from && to && from !== to) out.push({ kind: 'terms_changed', from, to });
  }
  return out;
}

/** The distinct kinds of triggered actions in TRIGGERED_ACTIONS order: the `actions` column. */
export function actionKinds(actions: readonly TriggeredAction[]): TriggeredActionKind[] {
  const kinds = new Set<string>(actions.map((a) => a.kind));
  return TRIGGERED_ACTIONS.filter((k) => kinds.has(k));
}
