import type { DISPUTE_STATUSES } from '../data-model/sources/disputes.js';

/**
 * The enumerations of the source tables that events carry: the tables' own tuples, so that an event becomes a
 * row without translation.
 */
export { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from '../data-model/sources/complaints.js';
export { CUSTOMER_TYPES } from '../data-model/sources/customers.js';
export { DISPUTE_STATUSES } from '../data-model/sources/disputes.js';
export { ORDER_CHANNELS, ORDER_STATUSES } from '../data-model/sources/orders.js';

/** How a dispute ends: disputes.status except open. */
export const DISPUTE_OUTCOMES = [
  'settled',
  'won',
  'lost',
] as const satisfies readonly (typeof DISPUTE_STATUSES)[number][];
