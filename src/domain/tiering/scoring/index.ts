export {
  percentRanks,
  quantileCont,
  minMax,
  zScores,
  normaliseTerm,
  NEUTRAL,
  type Winsorize,
} from './normalise.js';
export { seedR, seedF, seedM, seedScore } from './seed-rfm.js';
export { scoreModel, quintile, rfmSegment, weightedSum, type ModelScores } from './score-model.js';
export {
  ruleTiers,
  quotaTier,
  quotaCounts,
  applyMinScore,
  compareRank,
  type RankInput,
  type RuleTier,
  type TiersConfig,
} from './quota-tiers.js';
export { applyHysteresis, candidateStreak, clearsMargin, type PreviousTier } from './hysteresis.js';
export { activeOverrides, type TierOverride } from './overrides.js';
export {
  scoreCustomers,
  type ScoredCustomer,
  type ScoringConfig,
  type ScoringContext,
} from './score-customers.js';
export {
  explainScore,
  tierBoundaries,
  placeOnBoundaries,
  type TermContribution,
  type TierBoundary,
  type BoundaryInput,
  type BoundaryPlacement,
} from './explain.js';
export { scoringIssues, assertScoringConfig, scoreRange } from './validate-scoring.js';
