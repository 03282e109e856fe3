import { FROM_KEYS, TO_KEYS, type FromKey, type ToKey } from '../../../contracts/insights/migration.js';
import { TIERS, type Tier } from '../../../contracts/tiering/tiers.js';
import { html, type Html } from '../html.js';
import { KEY_COLORS } from '../report-colors.js';
import { svgChart, PAGE_WIDTH } from '../report-chart.js';
import { count } from '../report-format.js';
import { figure, lead, subheading, table, type SectionContext } from '../report-layout.js';
import type { ReportStrings } from '../report-strings.js';

const isTier = (key: string): key is Tier => (TIERS as readonly string[]).includes(key);
const keyName = (s: ReportStrings, key: FromKey | ToKey) => (isTier(key) ? s.tier(key) : s.keys[key]);

/** The migration from the previous period's run to this period's: totals, a Sankey and the matrix. */
export function migrationBlock({ data, s }: SectionContext): Html {
  const t = s.tiers;
  const m = data.migration;
  if (!m) return html`${subheading(t.migrationHeading)}${lead(t.noMigration)}`;
  const cell = (from: FromKey, to: ToKey) =>
    m.matrix.find((x) => x.from === from && x.to === to)?.customers ?? 0;
  const froms = FROM_KEYS.filter((k) => m.matrix.some((x) => x.from === k));
  const tos = TO_KEYS.filter((k) => m.matrix.some((x) => x.to === k));
  const chart = svgChart(
    {
      series: [
        {
          type: 'sankey',
          left: 10,
          right: 90,
          top: 10,
          bottom: 10,
          nodeGap: 10,
          layoutIterations: 0,
          data: m.nodes.map((n) => ({
            name: n.id,
            itemStyle: { color: KEY_COLORS[n.key] ?? '#6b7280' },
            label: { formatter: `${keyName(s, n.key)} ${count(n.customers)}` },
          })),
          links: m.links.map((l) => ({ source: l.source, target: l.target, value: l.customers })),
          lineStyle: { color: 'gradient', opacity: 0.35 },
        },
      ],
    },
    PAGE_WIDTH,
    280,
  );
  const rows = froms.map((from) => [
    keyName(s, from),
    ...tos.map((to) => count(cell(from, to))),
    count(tos.reduce((sum, to) => sum + cell(from, to), 0)),
  ]);
  const totals = [
    s.total,
    ...tos.map((to) => count(froms.reduce((sum, from) => sum + cell(from, to), 0))),
    count(m.totals.customers),
  ];
  return html`${subheading(t.migrationHeading)}${lead(
    t.migrationText({
      stayed: count(m.totals.stayed),
      up: count(m.totals.up),
      down: count(m.totals.down),
      new: count(m.totals.new),
      gone: count(m.totals.gone),
      excluded: count(m.totals.excludedChanges),
    }),
  )}${figure(t.migrationChart, chart)}${table([t.fromTo, ...tos.map((to) => keyName(s, to)), s.total], rows, totals)}`;
}
