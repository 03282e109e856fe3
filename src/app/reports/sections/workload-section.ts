import type { OwnerBook } from '../../../domain/allocation/owner-books.js';
import type { Html } from '../html.js';
import { ACCENT } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count, decimal, percent } from '../report-format.js';
import { figure, lead, note, section, table, type SectionContext } from '../report-layout.js';

/** Reps the chart and the table show: the most utilised (every over-capacity rep is in the table anyway). */
export const WORKLOAD_ROWS = 15;

const over = (b: OwnerBook) => b.workload > b.capacity + 1e-9;
const utilization = (b: OwnerBook) => (Number.isFinite(b.utilization) ? percent(b.utilization) : '∞');

/** Section 6: customers and weekly workload per account manager against capacity, with the current owners. */
export function workloadSection({ data, s }: SectionContext): Html {
  const t = s.workload;
  const w = data.workload;
  if (!w) return section('workload', t.heading, [lead(t.noReps)]);
  const books = [...w.books].sort((a, b) => b.utilization - a.utilization || a.repId.localeCompare(b.repId));
  const overBooks = books.filter(over);
  const shown = books.filter((b, i) => i < WORKLOAD_ROWS || over(b));
  const sum = (key: 'customers' | 'workload' | 'capacity') => books.reduce((x, b) => x + b[key], 0);
  const capacity = sum('capacity');
  const text = t.text({
    reps: count(books.length),
    customers: count(sum('customers')),
    workload: decimal(sum('workload'), 1),
    capacity: decimal(capacity, 1),
    utilization: capacity > 0 ? percent(sum('workload') / capacity) : s.none,
    over: count(overBooks.length),
    gini: decimal(w.workloadGini, 3),
  });
  const charted = books.slice(0, WORKLOAD_ROWS).reverse();
  const chart = svgChart(
    {
      legend: { top: 0 },
      grid: { left: 110, right: 30, top: 30, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: charted.map((b) => b.name), axisLabel: { fontSize: 10 } },
      series: [
        {
          type: 'bar',
          name: t.workload,
          color: ACCENT.primary,
          data: charted.map((b) => ({
            value: Math.round(b.workload * 10) / 10,
            itemStyle: { color: over(b) ? ACCENT.warning : ACCENT.primary },
          })),
        },
        {
          type: 'bar',
          name: t.capacity,
          color: ACCENT.muted,
          data: charted.map((b) => b.capacity),
        },
      ],
    },
    PAGE_WIDTH,
    60 + 22 * charted.length,
  );
  return section('workload', t.heading, [
    lead(
      [
        text,
        overBooks.length > 0 ? t.overNames(overBooks.map((b) => b.name).join(s.listSeparator)) : '',
      ].join(s.sentenceSeparator),
    ),
    w.ineligibleOwned + w.unowned > 0
      ? note(t.caveat({ ineligible: count(w.ineligibleOwned), unowned: count(w.unowned) }))
      : '',
    figure(t.chartTitle(charted.length, books.length), chart),
    table(
      [t.rep, t.team, t.customers, t.workload, t.capacity, t.utilization],
      shown.map((b) => [
        b.name,
        b.team,
        count(b.customers),
        decimal(b.workload, 1),
        decimal(b.capacity, 1),
        utilization(b),
      ]),
    ),
    note(t.tableTitle(shown.length, books.length)),
  ]);
}
