import type { MessageKey } from '../i18n/messages';

/** Why a customer was left unassigned (UNASSIGNED_REASONS of src/domain/allocation/problem.ts), in words. */
export const UNASSIGNED_REASON_LABELS: Readonly<Record<string, MessageKey>> = {
  no_owner_in_territory: 'allocation.reason.no_owner_in_territory',
  needs_senior_or_key_account: 'allocation.reason.needs_senior_or_key_account',
  needs_chain_skill: 'allocation.reason.needs_chain_skill',
  no_capacity: 'allocation.reason.no_capacity',
};
