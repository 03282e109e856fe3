export { buildScoringReference, type ReferenceRow, type ScoringReference } from './scoring-reference.js';
export { rescoreCustomer, type RescoreContext } from './rescore.js';
export { rankedValues, percentRankAgainst, type RankedValues } from './ranked-values.js';
export { buildScopeRanks, positionAgainst, type ScopeRanks } from './scope-ranks.js';
export { termReferences, normaliseAgainst, type TermReference } from './term-reference.js';
export {
  decideCustomer,
  type CustomerDecision,
  type CustomerState,
  type DecisionInput,
} from './decide-customer.js';
export {
  DIFFERENCE_EXPLANATIONS,
  DIFFERENCE_REASONS,
  differenceReason,
  reconcile,
  type DifferenceReason,
  type ReconciledCustomer,
  type StreamReconciliation,
} from './reconciliation.js';
