import type { ExperimentMetric, RandomisationUnit } from '../../contracts/experiments/experiment-spec.js';
import type { FromKey, ToKey } from '../../contracts/insights/migration.js';
import type { ActionStatus } from '../../contracts/insights/risk.js';
import type { ReportLanguage, ReportPeriod } from '../../contracts/reports/report-request.js';
import type { TriggeredActionKind } from '../../contracts/tiering/actions.js';
import type { Tier } from '../../contracts/tiering/tiers.js';
import { reportStringsEn } from './report-strings-en.js';
import { reportStringsZh } from './report-strings-zh.js';

/** Numbers already formatted for the sentences (counts, money, signed changes). */
export type Formatted = string;

/**
 * Every text of the periodic report, per language. Values are formatted before they are passed in; the sentences
 * say what changed in plain words. Tier, tag, action and status names follow the dashboard's (web/src/i18n).
 */
export interface ReportStrings {
  readonly tier: (tier: Tier) => string;
  readonly excluded: string;
  /** The migration's keys other than tiers. */
  readonly keys: Readonly<Record<Exclude<FromKey | ToKey, Tier>, string>>;
  readonly action: (action: TriggeredActionKind) => string;
  readonly status: (status: ActionStatus) => string;
  readonly metric: (metric: ExperimentMetric) => string;
  readonly unit: (unit: RandomisationUnit) => string;
  readonly none: string;
  readonly total: string;
  readonly tierColumn: string;
  /** Between names in a sentence. */
  readonly listSeparator: string;
  /** Between sentences of a paragraph. */
  readonly sentenceSeparator: string;
  /** A difference of two rates, already signed and formatted: +1.2 → "+1.2 pp". */
  readonly points: (value: string) => string;

  readonly title: (period: ReportPeriod, label: string) => string;
  readonly coverage: (v: { start: string; end: string; run: string; asOf: string }) => string;
  readonly comparedWith: (v: { label: string; run: string; asOf: string } | null) => string;
  readonly generated: (at: string, timeZone: string) => string;
  readonly previousPeriod: string;
  readonly change: string;

  readonly summary: {
    readonly heading: string;
    readonly text: (v: {
      customers: Formatted;
      customersChange: Formatted | null;
      revenue: Formatted;
      revenueChange: Formatted | null;
      margin: Formatted;
      tierChanges: Formatted | null;
      up: Formatted;
      down: Formatted;
      churn: Formatted;
      churnChange: Formatted | null;
      highRisk: Formatted;
      highRiskChange: Formatted | null;
      overdue: Formatted;
      overdueChange: Formatted | null;
    }) => string;
    readonly chartTitle: string;
    readonly kpi: string;
    readonly thisPeriod: string;
    readonly customers: string;
    readonly revenue: string;
    readonly margin: string;
    readonly tierChanges: string;
    readonly churnWarnings: string;
    readonly highRisk: string;
    readonly overdue: string;
  };

  readonly tiers: {
    readonly heading: string;
    readonly text: (
      parts: readonly { tier: string; customers: Formatted; change: Formatted | null }[],
    ) => string;
    readonly revenueText: (v: { tier: string; share: Formatted; change: Formatted | null }) => string;
    readonly shareChart: string;
    readonly customerShare: string;
    readonly revenueShare: string;
    readonly customers: string;
    readonly revenue: string;
    readonly pointsChange: string;
    readonly migrationHeading: string;
    readonly migrationText: (v: {
      stayed: Formatted;
      up: Formatted;
      down: Formatted;
      new: Formatted;
      gone: Formatted;
      excluded: Formatted;
    }) => string;
    readonly noMigration: string;
    readonly migrationChart: string;
    readonly fromTo: string;
    readonly revenueNote: string;
  };

  readonly kpis: {
    readonly heading: string;
    readonly text: (v: {
      tier: string;
      revenue: Formatted;
      change: Formatted | null;
      aov: Formatted;
    }) => string;
    readonly onePoint: string;
    readonly revenue: string;
    readonly ordersPerMonth: string;
    readonly aov: string;
    readonly margin: string;
    readonly period: string;
    readonly note: string;
  };

  readonly churn: {
    readonly heading: string;
    readonly text: (v: {
      tagged: Formatted;
      change: Formatted | null;
      warned: Formatted;
      orderedAgain: Formatted;
      rate: Formatted | null;
      periods: number;
      period: ReportPeriod;
    }) => string;
    readonly actionsText: (v: { open: Formatted; done: Formatted; dismissed: Formatted }) => string;
    readonly noActions: string;
    readonly chartTitle: string;
    readonly warned: string;
    readonly orderedAgain: string;
    readonly rate: string;
    readonly action: string;
    readonly actionsHeading: string;
    readonly note: string;
  };

  readonly risk: {
    readonly heading: string;
    readonly text: (v: {
      highRisk: Formatted;
      highRiskChange: Formatted | null;
      overdueCustomers: Formatted;
      overdue: Formatted;
      overdueChange: Formatted | null;
      creditLimit: Formatted;
      disputes: Formatted;
      disputing: Formatted;
    }) => string;
    readonly chartTitle: string;
    readonly customers: string;
    readonly highRisk: string;
    readonly overdueCustomers: string;
    readonly overdueAmount: string;
    readonly creditLimit: string;
    readonly disputes: string;
  };

  readonly workload: {
    readonly heading: string;
    readonly text: (v: {
      reps: Formatted;
      customers: Formatted;
      workload: Formatted;
      capacity: Formatted;
      utilization: Formatted;
      over: Formatted;
      gini: Formatted;
    }) => string;
    readonly overNames: (names: string) => string;
    readonly caveat: (v: { ineligible: Formatted; unowned: Formatted }) => string;
    readonly noReps: string;
    readonly chartTitle: (shown: number, all: number) => string;
    readonly rep: string;
    readonly team: string;
    readonly customers: string;
    readonly workload: string;
    readonly capacity: string;
    readonly utilization: string;
    readonly tableTitle: (shown: number, all: number) => string;
  };

  readonly experiments: {
    readonly heading: string;
    readonly none: string;
    readonly title: (v: { name: string; unit: string; start: string; end: string }) => string;
    readonly text: (v: {
      name: string;
      variant: string;
      metric: string;
      effect: Formatted;
      ciLow: Formatted;
      ciHigh: Formatted;
      p: Formatted;
      significant: boolean;
      cuped: boolean;
      roi: Formatted;
    }) => string;
    readonly srmWarning: (name: string, p: Formatted) => string;
    readonly chartTitle: string;
    readonly variant: string;
    readonly units: string;
    readonly effect: string;
    readonly ci: string;
    readonly pValue: string;
    readonly cuped: string;
    /** The CUPED column: used, and how much variance it removed. */
    readonly cupedCell: (used: boolean, reduction: Formatted) => string;
    readonly caveats: string;
    readonly roi: string;
    readonly srm: string;
  };

  readonly satisfaction: {
    readonly heading: string;
    readonly text: (v: {
      answers: Formatted;
      customers: Formatted;
      nps: Formatted | null;
      npsChange: Formatted | null;
      csat: Formatted | null;
    }) => string;
    readonly detractorsText: (v: { detractors: Formatted; change: Formatted | null }) => string;
    readonly complaintsText: (v: { withNps: Formatted; withoutNps: Formatted; days: Formatted }) => string;
    readonly noAnswers: string;
    readonly chartTitle: string;
    readonly trendTitle: string;
    readonly noTier: string;
    readonly nps: string;
    readonly previousNps: string;
    readonly answers: string;
    readonly csat: string;
    readonly note: string;
  };
}

export const REPORT_STRINGS: Readonly<Record<ReportLanguage, ReportStrings>> = {
  'zh-CN': reportStringsZh,
  en: reportStringsEn,
};
