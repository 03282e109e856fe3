import type { PolicyAction } from './config.js';

/**
 * Kinds written to `tiering_tagged.actions` and the snapshot: what a run asks someone to do, triggered by a
 * change since the previous run. The tag actions come from a tag newly added (config `policies.tags`); the
 * last three from a change of tier or of effective payment terms. Listed in this order, each at most once.
 */
export const TRIGGERED_ACTIONS = [
  'shorten_terms',
  'raise_deposit',
  'cap_credit',
  'coupon',
  'visit_task',
  'tier_up',
  'tier_down',
  'terms_changed',
] as const satisfies readonly (PolicyAction['kind'] | 'tier_up' | 'tier_down' | 'terms_changed')[];

export type TriggeredActionKind = (typeof TRIGGERED_ACTIONS)[number];

/** Payment terms from the longest credit to none; "shorten" moves right only. */
export const TERMS_BY_LENGTH = ['monthly', 'weekly', 'prepaid'] as const;
