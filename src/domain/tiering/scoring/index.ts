export {
  percentRanks,
  percentRankOf,
  quantileCont,
  minMax,
  minMaxRange,
  minMaxScale,
  zScores,
  moments,
  zScore,
  normaliseTerm,
  orientTerm,
  NEUTRAL,
  type MinMaxRange,
  type Moments,
  type RankOrder,
  type Winsorize,
} from './normalise.js';
export { partitionPoint } from './partition-point.js';
export { seedR, seedF, seedM, seedScore, seedTerms } from './seed-rfm.js';
export {
  scoreModel,
  termsScore,
  quintile,
  quintileOrder,
  rfmSegment,
  weightedSum,
  type ModelScores,
} from './score-model.js';
export {
  ruleTiers,
  rankedTier,
  inactiveTier,
  rankInputOf,
  quotaTier,
  quotaCounts,
  applyMinScore,
  compareRank,
  type RankInput,
  type RankKey,
  type RuleTier,
  type TiersConfig,
} from './quota-tiers.js';
export {
  applyHysteresis,
  candidateStreak,
  clearsMargin,
  type PreviousTier,
  type StreakRule,
} from './hysteresis.js';
export { decideTier, type TierDecision } from './decide-tier.js';
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
