import type { ExperimentResultSummary } from '../../contracts/experiments/experiment-result.js';
import type { Migration } from '../../contracts/insights/migration.js';
import type { ActionStatus } from '../../contracts/insights/risk.js';
import type { Satisfaction, SatisfactionMetrics } from '../../contracts/insights/satisfaction.js';
import type { TriggeredActionKind } from '../../contracts/tiering/actions.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import type { OwnerBook } from '../../domain/allocation/owner-books.js';
import type { RunRef } from '../customers/run-of.js';
import type { TieringReport } from '../tiering/build-report.js';
import type { ReportSpan } from './report-period.js';

/** One tier of one run in the trend: what tierShareSql and runKpis give. Money in yuan. */
export interface TierTrendValues {
  readonly customers: number;
  readonly revenue: number;
  readonly margin: number;
  readonly ordersPerMonth: number | null;
  readonly aov: number | null;
}

/** The run that stands for a period in the trend (the latest one as of the period's end). */
export interface TrendPoint {
  readonly span: ReportSpan;
  readonly run: RunRef;
  readonly tiers: Readonly<Record<Tier, TierTrendValues>>;
  readonly churnWarnings: number;
  readonly highRisk: number;
}

/** Risk of one tier of a run (tier null = excluded customers). */
export interface RiskRow {
  readonly tier: Tier | null;
  readonly customers: number;
  readonly highRisk: number;
  readonly overdueCustomers: number;
  readonly overdueAmount: number;
  readonly creditLimit: number;
  readonly disputingCustomers: number;
  readonly disputesOpen: number;
}

export interface RiskSummary {
  readonly rows: readonly RiskRow[];
  readonly total: Omit<RiskRow, 'tier'>;
}

/** Warnings a period's runs issued and how many of those customers ordered again by the report's end. */
export interface WinBackPoint {
  readonly span: ReportSpan;
  readonly warned: number;
  readonly orderedAgain: number;
}

export interface ActionStatusCount {
  readonly action: TriggeredActionKind;
  readonly status: ActionStatus;
  readonly customers: number;
}

/** The current owners' books: customers and weekly workload per rep against capacity. */
export interface WorkloadSummary {
  readonly books: readonly OwnerBook[];
  /** Owned customers whose owner is no longer eligible for them (outside territory or skills): no workload counted. */
  readonly ineligibleOwned: number;
  /** Customers of the run without an owner among the reps. */
  readonly unowned: number;
  readonly workloadGini: number;
}

/** Survey answers of the period and the previous one by tier, and the overall figures of each recent period. */
export interface SatisfactionSummary {
  readonly current: Satisfaction;
  readonly previous: Satisfaction;
  readonly trend: readonly { readonly span: ReportSpan; readonly overall: SatisfactionMetrics }[];
}

/** Everything the periodic report shows, loaded from the engine; rendering needs nothing else. */
export interface ReportData {
  readonly span: ReportSpan;
  readonly previousSpan: ReportSpan;
  /** The latest run of the period: the snapshot the report describes. */
  readonly current: TieringReport;
  /** The latest run as of the previous period's end, compared with. */
  readonly previous: TieringReport | null;
  /** Between the previous period's run and this period's. */
  readonly migration: Migration | null;
  readonly trend: readonly TrendPoint[];
  readonly risk: RiskSummary;
  readonly previousRisk: RiskSummary | null;
  readonly winBack: readonly WinBackPoint[];
  /** Actions triggered by the period's runs, by follow-up status. */
  readonly actions: readonly ActionStatusCount[];
  /** Null when there are no account managers. */
  readonly workload: WorkloadSummary | null;
  readonly experiments: readonly ExperimentResultSummary[];
  readonly satisfaction: SatisfactionSummary;
}
