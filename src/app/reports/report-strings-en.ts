import { TIER_NAMES } from '../../contracts/tiering/tiers.js';
import type { ReportStrings } from './report-strings.js';

/** " (+2 on the previous period)", or nothing when there is no previous period. */
const vs = (change: string | null) => (change === null ? '' : ` (${change} on the previous period)`);

const ACTIONS = {
  shorten_terms: 'Shorten payment terms',
  raise_deposit: 'Raise the deposit',
  cap_credit: 'Cap the credit limit',
  coupon: 'Send a coupon',
  visit_task: 'Schedule a visit',
  tier_up: 'Tier up notice',
  tier_down: 'Tier down notice',
  terms_changed: 'Payment terms changed notice',
} as const;

const STATUSES = { open: 'Open', done: 'Done', dismissed: 'Dismissed' } as const;

const METRICS = {
  gmv: 'GMV (net purchases)',
  margin: 'margin',
  orders_per_month: 'orders per month',
  repurchase: 'repurchase rate',
  churned: 'churn rate',
  overdue_rate: 'overdue rate',
} as const;

const UNITS = { customer: 'customer', rep: 'account manager', district: 'district' } as const;

export const reportStringsEn: ReportStrings = {
  tier: (tier) => TIER_NAMES[tier].en,
  excluded: 'Excluded (inactive)',
  keys: { new: 'New', gone: 'Gone', excluded: 'Excluded' },
  action: (action) => ACTIONS[action],
  status: (status) => STATUSES[status],
  metric: (metric) => METRICS[metric],
  unit: (unit) => UNITS[unit],
  none: '—',
  total: 'Total',
  tierColumn: 'Tier',
  listSeparator: ', ',
  sentenceSeparator: ' ',
  points: (value) => `${value} pp`,

  title: (period, label) => `Customer tiering ${period === 'week' ? 'weekly' : 'monthly'} report ${label}`,
  coverage: (v) => `Period ${v.start} to ${v.end}; data of tiering run ${v.run} as of ${v.asOf}.`,
  comparedWith: (v) =>
    v === null
      ? 'There is no tiering run before this period: no comparison.'
      : `Compared with the previous period (${v.label}): run ${v.run} as of ${v.asOf}.`,
  generated: (at, timeZone) => `Generated ${at} (${timeZone}) · stratum`,
  previousPeriod: 'Previous',
  change: 'Change',

  summary: {
    heading: '1. Summary',
    text: (v) =>
      `${v.customers} customers tiered${vs(v.customersChange)}, net purchases over the last year ${v.revenue}${vs(v.revenueChange)}, margin ${v.margin}. ` +
      (v.tierChanges === null
        ? ''
        : `${v.tierChanges} customers changed tier (${v.up} up, ${v.down} down). `) +
      `${v.churn} churn warnings${vs(v.churnChange)}, ${v.highRisk} high-risk customers${vs(v.highRiskChange)}, overdue ${v.overdue}${vs(v.overdueChange)}.`,
    chartTitle: 'Net purchases and margin per period (tiered customers)',
    kpi: 'KPI',
    thisPeriod: 'This period',
    customers: 'Customers tiered',
    revenue: 'Net purchases (last year)',
    margin: 'Margin',
    tierChanges: 'Customers who changed tier',
    churnWarnings: 'Churn warnings',
    highRisk: 'High-risk customers',
    overdue: 'Overdue amount',
  },

  tiers: {
    heading: '2. Tier distribution and migration',
    text: (parts) => `${parts.map((p) => `${p.tier}: ${p.customers} customers${vs(p.change)}`).join('; ')}.`,
    revenueText: (v) => `${v.tier} customers brought ${v.share} of net purchases${vs(v.change)}.`,
    shareChart: 'Share of customers and of net purchases by tier',
    customerShare: 'Share of customers',
    revenueShare: 'Share of net purchases',
    customers: 'Customers',
    revenue: 'Net purchases',
    pointsChange: 'Share change (points)',
    migrationHeading: 'Migration (previous period → this period)',
    migrationText: (v) =>
      `Since the previous period: ${v.stayed} kept their tier, ${v.up} moved up, ${v.down} moved down, ${v.new} are new, ${v.gone} are gone, ${v.excluded} moved into or out of excluded.`,
    noMigration: 'There is no run in the previous period, so there is no migration matrix.',
    migrationChart: 'Tier migration (Sankey)',
    fromTo: 'Previous \\ This period',
    revenueNote:
      'Net purchases are orders minus refunds in the long tiering window (the last year by default); shares are of the tiered customers.',
  },

  kpis: {
    heading: '3. KPIs by tier and their trend',
    text: (v) => `${v.tier}: net purchases ${v.revenue}${vs(v.change)}, average order value ${v.aov}.`,
    onePoint: 'Only one period has a run so far; the trend fills in with the next periods.',
    revenue: 'Net purchases',
    ordersPerMonth: 'Orders per month',
    aov: 'Average order value',
    margin: 'Margin',
    period: 'Period',
    note: "Each period is its last tiering run; the KPIs are the customers' values over the long tiering window.",
  },

  churn: {
    heading: '4. Churn warnings and win-back',
    text: (v) =>
      `${v.tagged} customers carry the churn warning${vs(v.change)}. Over the last ${v.periods} ${v.period === 'week' ? 'weeks' : 'months'} the runs issued ${v.warned} new warnings; ${v.orderedAgain} of those customers ordered again after the warning` +
      (v.rate === null ? '.' : ` (win-back rate ${v.rate}).`),
    actionsText: (v) =>
      `Actions the period's runs triggered: ${v.open} open, ${v.done} done, ${v.dismissed} dismissed.`,
    noActions: "The period's runs triggered no actions.",
    chartTitle: 'New churn warnings and orders after the warning, per period',
    warned: 'New warnings',
    orderedAgain: 'Ordered again',
    rate: 'Win-back rate',
    action: 'Action',
    actionsHeading: 'Actions triggered in the period and their status',
    note: 'A new warning: a customer a run tagged churn_warning who was not tagged by the run before. Ordered again: a completed order after the warning run’s as-of date, up to the end of this period.',
  },

  risk: {
    heading: '5. Risk',
    text: (v) =>
      `${v.highRisk} high-risk customers${vs(v.highRiskChange)}; ${v.overdueCustomers} customers with overdue invoices, overdue ${v.overdue}${vs(v.overdueChange)}; credit limits granted ${v.creditLimit}; ${v.disputes} legal disputes open, with ${v.disputing} customers.`,
    chartTitle: 'Overdue amount and high-risk customers by tier',
    customers: 'Customers',
    highRisk: 'High risk',
    overdueCustomers: 'Overdue customers',
    overdueAmount: 'Overdue amount',
    creditLimit: 'Credit limits',
    disputes: 'Open disputes',
  },

  workload: {
    heading: '6. Account manager workload',
    text: (v) =>
      `${v.reps} account managers serve ${v.customers} customers: ${v.workload} hours of work per week against ${v.capacity} hours of capacity (${v.utilization} used); ${v.over} are over capacity; workload Gini ${v.gini}.`,
    overNames: (names) => `Over capacity: ${names}.`,
    caveat: (v) =>
      `${v.ineligible} customers have an owner who is no longer eligible for them (territory or skills) and are not counted; ${v.unowned} customers have no owner.`,
    noReps: 'No account managers (reps) have been imported, so there is no workload to show.',
    chartTitle: (shown, all) =>
      `Weekly workload and capacity (hours; the ${shown} most utilised of ${all} account managers)`,
    rep: 'Account manager',
    team: 'Team',
    customers: 'Customers',
    workload: 'Workload (h/week)',
    capacity: 'Capacity (h/week)',
    utilization: 'Utilisation',
    tableTitle: (shown, all) => `The ${shown} most utilised of ${all} account managers`,
  },

  experiments: {
    heading: '7. Experiments',
    none: 'No experiment results to report for this period.',
    title: (v) => `${v.name} (randomised by ${v.unit}; ${v.start} to ${v.end})`,
    text: (v) =>
      `In “${v.name}”, ${v.variant} differs from the control by ${v.effect} in ${v.metric} (95% CI ${v.ciLow} to ${v.ciHigh}, p = ${v.p}${v.cuped ? ', CUPED-adjusted' : ''}): ${v.significant ? 'statistically significant' : 'not statistically significant'}; net of the policy cost ${v.roi}.`,
    srmWarning: (name, p) =>
      `Caution: the split of “${name}” does not match its design (sample ratio mismatch, p = ${p}); read its results with care.`,
    chartTitle: 'Effect on the primary metric with its 95% confidence interval',
    variant: 'Variant',
    units: 'Units',
    effect: 'Effect',
    ci: '95% CI',
    pValue: 'p-value',
    cuped: 'CUPED',
    cupedCell: (used, reduction) => (used ? `yes (variance −${reduction})` : 'no'),
    caveats: 'Caveats',
    roi: 'Net (ROI)',
    srm: 'Sample ratio mismatch',
  },
  satisfaction: {
    heading: '8. Customer satisfaction',
    text: (v) =>
      `${v.answers} survey answers from ${v.customers} customers this period: NPS ${v.nps ?? '–'}${vs(v.npsChange)}, mean CSAT ${v.csat ?? '–'}.`,
    detractorsText: (v) => `${v.detractors} customers are tagged detractors${vs(v.change)}.`,
    complaintsText: (v) =>
      `Answers after a complaint (within ${v.days} days) give NPS ${v.withNps}, the others ${v.withoutNps}.`,
    noAnswers: 'No survey answers in this period.',
    chartTitle: 'NPS by tier: this period and the previous one',
    trendTitle: 'NPS per period',
    noTier: 'No tier',
    nps: 'NPS',
    previousNps: 'NPS, previous period',
    answers: 'Answers',
    csat: 'Mean CSAT',
    note: 'NPS = % of promoters (9–10) − % of detractors (0–6) among NPS answers, from −100 to 100; CSAT is scored 1–5. An answer counts for the tier the customer had in the latest run on or before its day. Detractors are the customers with the detractor tag in the period’s run.',
  },
};
