import type { TieringReport } from '../../app/tiering/build-report.js';
import { TAG_NAMES, TAGS, TIER_NAMES, TIERS } from '../../contracts/tiering/tiers.js';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const yuan = (x: number) => `¥${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

export function tieringReportLines(r: TieringReport): string[] {
  const out = [
    `Run ${r.runId} as of ${r.asOf}: ${n(r.customers)} customers${r.excluded ? ` (${n(r.excluded)} excluded as inactive)` : ''}`,
    '',
    ...table(
      ['tier', 'customers', 'share', 'net purchases', 'share', 'margin'],
      r.tiers.map((t) => [
        `${TIER_NAMES[t.tier].zh} ${TIER_NAMES[t.tier].en}`,
        n(t.customers),
        pct(t.customerShare),
        yuan(t.revenue),
        pct(t.revenueShare),
        yuan(t.margin),
      ]),
    ),
    '',
    `Tags: ${TAGS.map((t) => `${TAG_NAMES[t].zh} ${TAG_NAMES[t].en} ${n(r.tags[t])}`).join(' · ')}`,
  ];
  if (r.previousRunId) {
    const cols = [...TIERS, 'excluded', 'gone'];
    const rows = ['new', ...TIERS, 'excluded'].map((from) => [
      from,
      ...cols.map((to) => n(r.migration.find((m) => m.from === from && m.to === to)?.customers ?? 0)),
    ]);
    out.push(
      '',
      `Migration since ${r.previousRunId} (rows: before, columns: now):`,
      ...table(['', ...cols], rows),
    );
  } else out.push('', 'No previous run to compare with.');
  for (const [attribute, title] of [
    ['city', 'By city'],
    ['customer_type', 'By customer type'],
    ['cuisine', 'By cuisine'],
    ['pilot', 'By pilot (national: the cities no pilot names)'],
  ] as const) {
    if (attribute === 'pilot' && Object.keys(r.distribution.pilot).length < 2) continue;
    const entries = Object.entries(r.distribution[attribute]).sort(
      ([, a], [, b]) => TIERS.reduce((s, t) => s + b[t], 0) - TIERS.reduce((s, t) => s + a[t], 0),
    );
    out.push(
      '',
      `${title}:`,
      ...table(
        ['', ...TIERS],
        entries.map(([value, c]) => [value, ...TIERS.map((t) => n(c[t]))]),
      ),
    );
  }
  return out;
}
