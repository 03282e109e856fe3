import { ACTION_STATUSES } from '../../../contracts/insights/risk.js';
import { TRIGGERED_ACTIONS } from '../../../contracts/tiering/actions.js';
import type { Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count, percent, signedCount } from '../report-format.js';
import { figure, lead, note, section, subheading, table, type SectionContext } from '../report-layout.js';

/** Section 4: customers with the churn warning, what became of the warnings, and the follow-up of the actions. */
export function churnSection({ data, s }: SectionContext): Html {
  const t = s.churn;
  const { current, previous, winBack, actions } = data;
  const warned = winBack.reduce((sum, p) => sum + p.warned, 0);
  const orderedAgain = winBack.reduce((sum, p) => sum + p.orderedAgain, 0);
  const byStatus = (status: string) =>
    actions.filter((a) => a.status === status).reduce((sum, a) => sum + a.customers, 0);
  const text = t.text({
    tagged: count(current.tags.churn_warning),
    change: previous ? signedCount(current.tags.churn_warning - previous.tags.churn_warning) : null,
    warned: count(warned),
    orderedAgain: count(orderedAgain),
    rate: warned > 0 ? percent(orderedAgain / warned) : null,
    periods: winBack.length,
    period: data.span.period,
  });
  const actionsText =
    actions.length === 0
      ? t.noActions
      : t.actionsText({
          open: count(byStatus('open')),
          done: count(byStatus('done')),
          dismissed: count(byStatus('dismissed')),
        });
  const chart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: winBack.map((p) => p.span.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t.warned, color: ACCENT.warning, data: winBack.map((p) => p.warned) },
        {
          type: 'bar',
          name: t.orderedAgain,
          color: ACCENT.secondary,
          data: winBack.map((p) => p.orderedAgain),
        },
      ],
    },
    PAGE_WIDTH,
    220,
  );
  const kinds = TRIGGERED_ACTIONS.filter((a) => actions.some((x) => x.action === a));
  const cell = (action: string, status: string) =>
    actions.find((x) => x.action === action && x.status === status)?.customers ?? 0;
  return section('churn', t.heading, [
    lead(text),
    figure(t.chartTitle, chart),
    table(
      [s.kpis.period, t.warned, t.orderedAgain, t.rate],
      winBack.map((p) => [
        p.span.label,
        count(p.warned),
        count(p.orderedAgain),
        p.warned > 0 ? percent(p.orderedAgain / p.warned) : s.none,
      ]),
      [s.total, count(warned), count(orderedAgain), warned > 0 ? percent(orderedAgain / warned) : s.none],
    ),
    note(t.note),
    subheading(t.actionsHeading),
    lead(actionsText),
    kinds.length === 0
      ? ''
      : table(
          [t.action, ...ACTION_STATUSES.map((st) => s.status(st)), s.total],
          kinds.map((a) => [
            s.action(a),
            ...ACTION_STATUSES.map((st) => count(cell(a, st))),
            count(ACTION_STATUSES.reduce((sum, st) => sum + cell(a, st), 0)),
          ]),
          [
            s.total,
            ...ACTION_STATUSES.map((st) => count(byStatus(st))),
            count(actions.reduce((sum, a) => sum + a.customers, 0)),
          ],
        ),
  ]);
}
