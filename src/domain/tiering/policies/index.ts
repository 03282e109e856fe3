export { effectivePolicy } from './effective-policy.js';
export { policyColumns, policyFromColumns, type PolicyColumns } from './policy-columns.js';
export { addCosts, policyCosts, sumPolicyCosts, ZERO_COSTS, type PolicyCosts } from './policy-costs.js';
export {
  actionKinds,
  triggeredActions,
  type TierAndTags,
  type TriggeredAction,
} from './triggered-actions.js';
