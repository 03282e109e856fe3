import type {
  Satisfaction,
  SatisfactionGroup,
  SatisfactionMetrics,
} from '../../contracts/insights/satisfaction.js';
import { TIER_NAMES, type Tier } from '../../contracts/tiering/tiers.js';
import { padEnd, padStart, width } from './columns.js';
import { count } from './numbers.js';

const nps = (x: number | null) => (x === null ? '–' : x.toFixed(1));
const csat = (x: number | null) => (x === null ? '–' : x.toFixed(2));

const GROUP_TITLES = { tier: 'Tier', city: 'City', rep: 'Account manager' } as const;

function groupName(by: Satisfaction['by'], g: SatisfactionGroup): string {
  if (g.key === null) return by === 'tier' ? '(no tier)' : by === 'rep' ? '(no manager)' : '(unknown)';
  if (by === 'tier') return `${TIER_NAMES[g.key as Tier].en} ${TIER_NAMES[g.key as Tier].zh}`;
  return by === 'rep' && g.label ? `${g.label} (${g.key})` : g.key;
}

function tableLines(title: string, rows: readonly (readonly [string, SatisfactionMetrics])[]): string[] {
  const w = Math.max(width(title), ...rows.map(([name]) => width(name))) + 2;
  const head = `  ${padEnd(title, w)}${['Answers', 'NPS', 'Promoters', 'Detractors', 'CSAT', 'CSAT n']
    .map((h) => padStart(h, 11))
    .join('')}`;
  return [
    head,
    ...rows.map(
      ([name, m]) =>
        `  ${padEnd(name, w)}${[
          count(m.responses),
          nps(m.nps),
          count(m.promoters),
          count(m.detractors),
          csat(m.csatMean),
          count(m.csatResponses),
        ]
          .map((v) => padStart(v, 11))
          .join('')}`,
    ),
  ];
}

/** `stratum satisfaction` as text: the overall figures, the groups, the months and the complaint comparison. */
export function satisfactionLines(s: Satisfaction): string[] {
  const c = s.complaints;
  return [
    `Satisfaction from ${s.from} to ${s.to}: ${count(s.overall.responses)} answers from ${count(s.overall.customers)} customers, NPS ${nps(s.overall.nps)} (${count(s.overall.npsResponses)} NPS answers), mean CSAT ${csat(s.overall.csatMean)} (${count(s.overall.csatResponses)})`,
    '',
    ...tableLines(
      GROUP_TITLES[s.by],
      s.groups.map((g) => [groupName(s.by, g), g] as const),
    ),
    '',
    ...tableLines(
      'Month',
      s.months.map((m) => [m.month, m] as const),
    ),
    '',
    `Complaints in the ${c.lookbackDays} days up to an answer:`,
    ...tableLines('', [
      ['with complaints', c.withComplaints],
      ['without', c.withoutComplaints],
    ]),
  ];
}
