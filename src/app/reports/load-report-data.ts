import type { ExperimentResultSummary } from '../../contracts/experiments/experiment-result.js';
import { stratumError } from '../../contracts/errors.js';
import type { ReportPeriod } from '../../contracts/reports/report-request.js';
import type { Engine } from '../../engines/engine.js';
import { buildMigration } from '../insights/migration.js';
import { buildReport } from '../tiering/build-report.js';
import { loadActionStatuses, loadWinBack } from './load-follow-up.js';
import { loadRisk } from './load-risk.js';
import { loadTrend } from './load-trend.js';
import { loadWorkload } from './load-workload.js';
import { loadSatisfactionSummary } from './load-satisfaction-summary.js';
import { latestRun } from '../customers/run-of.js';
import { periodRun } from './period-run.js';
import type { ReportData } from './report-data.js';
import { previousSpan, recentSpans, reportSpan } from './report-period.js';

/** Periods the trends cover, the report's own included. */
export const TREND_PERIODS: Readonly<Record<ReportPeriod, number>> = { week: 8, month: 6 };

/** The steps loadReportData reports, in order. */
export const LOAD_STEPS = [
  'tiers',
  'migration',
  'trend',
  'churn',
  'risk',
  'workload',
  'experiments',
  'satisfaction',
] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

export interface LoadReportOptions {
  readonly period: ReportPeriod;
  /** Default: the latest run's as-of date. */
  readonly asOf?: string | undefined;
  readonly onStep?: (step: LoadStep) => void;
  readonly experiments?: (engine: Engine, periodEnd: string) => Promise<readonly ExperimentResultSummary[]>;
}

async function defaultAsOf(engine: Engine): Promise<string> {
  const latest = await latestRun(engine);
  if (!latest)
    throw stratumError('NOT_FOUND', 'no tiering run yet: run `stratum run` first', {
      what: 'run',
      id: '(latest)',
    });
  return latest.asOf;
}

/**
 * Everything the periodic report shows, aggregated in the engine with the report's and the dashboard's queries:
 * the period's latest run against the latest run as of the previous period's end, trends over the recent periods.
 */
export async function loadReportData(engine: Engine, options: LoadReportOptions): Promise<ReportData> {
  const step = (s: LoadStep) => options.onStep?.(s);
  const span = reportSpan(options.period, options.asOf ?? (await defaultAsOf(engine)));
  const previous = previousSpan(span);
  const run = await periodRun(engine, span);
  if (!run)
    throw stratumError('NOT_FOUND', `no tiering run as of a day from ${span.start} to ${span.end}`, {
      what: 'run',
      id: span.label,
    });
  const previousRun = await latestRun(engine, previous.end);
  const spans = recentSpans(span, TREND_PERIODS[options.period]);

  step('tiers');
  const current = await buildReport(engine, run.runId);
  const before = previousRun ? await buildReport(engine, previousRun.runId) : null;
  step('migration');
  const migration = previousRun
    ? await buildMigration(engine, { from: previousRun.runId, to: run.runId })
    : null;
  step('trend');
  const trend = await loadTrend(engine, spans);
  step('churn');
  const winBack = await loadWinBack(engine, spans);
  const actions = await loadActionStatuses(engine, span);
  step('risk');
  const risk = await loadRisk(engine, run.runId);
  const previousRisk = previousRun ? await loadRisk(engine, previousRun.runId) : null;
  step('workload');
  const workload = await loadWorkload(engine, run.runId);
  step('experiments');
  const experiments = options.experiments ? await options.experiments(engine, span.end) : [];
  step('satisfaction');
  const satisfaction = await loadSatisfactionSummary(engine, spans);
  return {
    span,
    previousSpan: previous,
    current,
    previous: before,
    migration,
    trend,
    risk,
    previousRisk,
    winBack,
    actions,
    workload,
    experiments,
    satisfaction,
  };
}
