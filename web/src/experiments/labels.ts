import type {
  ExperimentMetric,
  RandomisationUnit,
  Stratum,
} from '../../../src/contracts/experiments/experiment-spec';
import type { MessageKey } from '../i18n/messages';
import type { BoundaryMetric } from './types';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const metricLabel = (metric: ExperimentMetric, t: T): string => t(`experiments.metric.${metric}`);
export const unitLabel = (unit: RandomisationUnit, t: T): string => t(`experiments.unit.${unit}`);
export const stratumLabel = (stratum: Stratum, t: T): string => t(`experiments.stratum.${stratum}`);
export const boundaryMetricLabel = (metric: BoundaryMetric, t: T): string =>
  t(`experiments.edge.metric.${metric}`);
