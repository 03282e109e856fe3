// Answers of /api/v1/experiments: the shapes are the server's own, in src/contracts/experiments.
export type { ExperimentResultSummary as ExperimentResult } from '../../../src/contracts/experiments/experiment-result';
export type { EffectSummary, VariantComparison } from '../../../src/contracts/experiments/experiment-result';
export type {
  ExperimentView as Experiment,
  VariantCount,
} from '../../../src/contracts/experiments/experiment-view';
export {
  BOUNDARY_METRICS,
  EDGE_TIERS,
  type BoundaryMetric,
  type EdgeTier,
  type TierBoundaryEffect,
} from '../../../src/contracts/experiments/tier-boundary';
