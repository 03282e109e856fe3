import { TIER_NAMES } from '../../contracts/tiering/tiers.js';
import type { WeekPlan } from '../../contracts/allocation/week-plan.js';

const clock = (iso: string) => iso.slice(11, 16);

/** A rep's week as `stratum visits` prints it: day by day, then calls and anything that did not fit. */
export function weekPlanLines(p: WeekPlan): string[] {
  return [
    `${p.repName} (${p.repId}), week ${p.week}: ${p.totals.visits} visits, ${p.totals.calls} calls, ${p.totals.travelMinutes} min driving`,
    ...p.days.flatMap((d) =>
      d.onLeave
        ? [`${d.date}: on leave`]
        : [
            `${d.date}: ${d.visits.length ? d.districts.join(', ') : 'no visits'}${d.visits.length ? ` (${d.minutes} min)` : ''}`,
            ...d.visits.map(
              (v) =>
                `  ${clock(v.start)}–${clock(v.end)} ${v.name} (${v.customerId}, ${v.tier ? TIER_NAMES[v.tier].en : 'no tier'}) ${v.address}`,
            ),
          ],
    ),
    ...(p.calls.length
      ? ['Calls:', ...p.calls.map((c) => `  ${c.date} ${c.start.slice(11, 16)} ${c.name} (${c.customerId})`)]
      : []),
    ...(p.unscheduled.length
      ? [
          'Not scheduled:',
          ...p.unscheduled.map((u) => `  ${u.name} (${u.customerId}, ${u.kind}): ${u.reason}`),
        ]
      : []),
  ];
}
