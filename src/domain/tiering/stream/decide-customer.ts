import { EVENT_VERSION } from '../../../contracts/events/envelope.js';
import type { OutboundEvent } from '../../../contracts/events/outbound.js';
import type { TieringConfig } from '../../../contracts/tiering/config.js';
import type { FeatureVector } from '../../../contracts/tiering/features.js';
import { TAG_FEATURES } from '../../../contracts/tiering/tag-features.js';
import type { TagName, Tier } from '../../../contracts/tiering/tiers.js';
import { actionKinds, effectivePolicy, policyColumns, triggeredActions } from '../policies/index.js';
import type { PolicyColumns } from '../policies/index.js';
import type { ScoredCustomer } from '../scoring/score-customers.js';
import type { TierOverride } from '../scoring/overrides.js';
import { evaluateTags, type TagInput } from '../tags/index.js';
import { rescoreCustomer } from './rescore.js';
import type { ScoringReference } from './scoring-reference.js';

/** What is known of a customer before a stream decision: its latest decision under the run, or the run's row. */
export interface CustomerState {
  readonly tier: Tier | null;
  readonly candidateTier: Tier | null;
  readonly candidateStreak: number | null;
  readonly tags: readonly TagName[];
  readonly tagReasons: readonly string[];
}

export interface DecisionInput {
  readonly reference: ScoringReference;
  /** The configuration of the reference run. */
  readonly config: TieringConfig;
  readonly runId: string;
  /** The day the features are as of (YYYY-MM-DD). */
  readonly asOf: string;
  /** The instant that ends the as-of day in the business time zone (for overrides). */
  readonly endOfAsOf: string;
  readonly vector: FeatureVector;
  /** Undefined for a customer neither the run nor the stream has seen. */
  readonly previous: CustomerState | undefined;
  readonly overrides: readonly TierOverride[];
  readonly causeEventId: string;
  /** When the decision is made (ISO 8601): the outgoing events' occurredAt. */
  readonly decidedAt: string;
  /**
   * The id of an outgoing event from its cause, type, customer and tag: deterministic, so that sending the events
   * of a decision again (after a crash between commit and publish) is a duplicate for the bus and for receivers.
   */
  readonly eventIdOf: (parts: readonly string[]) => string;
}

export interface CustomerDecision {
  readonly scored: ScoredCustomer;
  readonly tags: readonly TagName[];
  /** English reasons, aligned with tags (as the snapshot stores them). */
  readonly tagReasons: readonly string[];
  readonly policy: PolicyColumns | null;
  readonly actions: readonly string[];
  /** The tier, a tag or the policy changed: a row of the customer's history, and events to send. */
  readonly changed: boolean;
  /** tier.changed, tag.added, tag.removed, caused by causeEventId. */
  readonly events: readonly OutboundEvent[];
}

const policyOf = (config: TieringConfig, tier: Tier | null, tags: readonly TagName[]) => {
  const p = effectivePolicy(config.policies, tier, tags);
  return p ? policyColumns(p) : null;
};

/**
 * One customer's tier, tags and policy after its data changed: rescored against the reference run (its
 * normalisation and cut-offs), hysteresis from its latest state, overrides, then the same tag rules, policies
 * and triggered actions as a batch run; and the events that announce what changed.
 */
export function decideCustomer(input: DecisionInput): CustomerDecision {
  const { config, vector, previous } = input;
  const scored = rescoreCustomer(input.reference, config, vector, {
    previous: previous,
    overrides: input.overrides,
    endOfAsOf: input.endOfAsOf,
  });
  const tagInput = {
    ...Object.fromEntries(TAG_FEATURES.map((f) => [f, vector[f]])),
    tier: scored.tier,
  } as TagInput;
  const fired = evaluateTags(config.tags, tagInput, config.windows);
  const tags = fired.map((t) => t.tag);
  const tagReasons = fired.map((t) => t.reason.en);
  const policy = policyOf(config, scored.tier, tags);
  const before = previous ? { tier: previous.tier, tags: previous.tags } : null;
  const actions = actionKinds(triggeredActions(config.policies, { tier: scored.tier, tags }, before));

  const fromTier = previous?.tier ?? null;
  const previousTags = previous?.tags ?? [];
  const added = fired.filter((t) => !previousTags.includes(t.tag));
  const removed = previousTags
    .map((tag, i) => ({ tag, reason: previous?.tagReasons[i] ?? null }))
    .filter((t) => !tags.includes(t.tag));
  const policyChanged = JSON.stringify(policy) !== JSON.stringify(policyOf(config, fromTier, previousTags));

  const envelope = (type: OutboundEvent['type'], key: string) => ({
    version: EVENT_VERSION as typeof EVENT_VERSION,
    id: input.eventIdOf([input.causeEventId, type, vector.customerId, key]),
    occurredAt: input.decidedAt,
    customerId: vector.customerId,
    causedBy: input.causeEventId,
  });
  const events: OutboundEvent[] = [];
  if (scored.tier !== fromTier)
    events.push({
      ...envelope('tier.changed', ''),
      type: 'tier.changed',
      data: {
        customerId: vector.customerId,
        from: fromTier,
        to: scored.tier,
        reason: scored.tierReason,
        runId: input.runId,
        asOf: input.asOf,
      },
    });
  for (const t of added)
    events.push({
      ...envelope('tag.added', t.tag),
      type: 'tag.added',
      data: { customerId: vector.customerId, tag: t.tag, reason: t.reason.en },
    });
  for (const t of removed)
    events.push({
      ...envelope('tag.removed', t.tag),
      type: 'tag.removed',
      data: { customerId: vector.customerId, tag: t.tag, reason: t.reason },
    });

  return {
    scored,
    tags,
    tagReasons,
    policy,
    actions,
    changed: events.length > 0 || policyChanged,
    events,
  };
}
