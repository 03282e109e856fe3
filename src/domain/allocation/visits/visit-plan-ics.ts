import { createEvents, type EventAttributes } from 'ics';
import { TIER_NAMES } from '../../../contracts/tiering/tiers.js';
import { foldIcsLines } from './ics-fold.js';
import { weekDates } from './iso-week.js';
import { wallClockIso } from './wall-clock.js';
import type { PlannedVisit, WeekPlan } from '../../../contracts/allocation/week-plan.js';

export interface VisitPlanIcsOptions {
  /**
   * DTSTAMP of every event (UTC ms): when the calendar was made. Defaults to the start of the plan's week (Monday
   * 00:00 local), so that the same plan always gives the same text; pass the current time when exporting for a person.
   */
  readonly stampMs?: number;
}

/** Stable across exports of the same week, so a calendar that imports the file again updates instead of duplicating. */
export const visitUid = (plan: Pick<WeekPlan, 'week' | 'repId'>, v: PlannedVisit): string =>
  `${plan.week}-${plan.repId}-${v.customerId}-${v.occurrence}@stratum`;

export const visitTitle = (v: PlannedVisit): string =>
  v.tier ? `拜访 ${v.name}（${TIER_NAMES[v.tier].zh}）` : `拜访 ${v.name}`;

const visitLocation = (v: PlannedVisit): string =>
  v.address.includes(v.district) ? v.address : `${v.address}（${v.district}）`;

function visitDescription(v: PlannedVisit): string {
  const tier = v.tier ? `${TIER_NAMES[v.tier].zh} ${TIER_NAMES[v.tier].en}` : '未分层 No tier';
  return [
    `客户编号 Customer ID: ${v.customerId}`,
    `等级 Tier: ${tier}`,
    `区域 District: ${v.district}`,
    `本周第 ${v.occurrence} 次拜访 Visit ${v.occurrence} this week`,
    `路程 Travel: ${v.travelMinutes} min`,
  ].join('\n');
}

/**
 * The plan's visits as an iCalendar file (one VEVENT each; calls are not included). Start and end are written as
 * UTC instants of the plan's local times; UIDs are `<week>-<repId>-<customerId>-<occurrence>@stratum`; lines are
 * folded at 75 octets. Throws an Error when the `ics` package refuses an event.
 */
export function visitPlanIcs(plan: WeekPlan, options: VisitPlanIcsOptions = {}): string {
  const stamp =
    options.stampMs ?? Date.parse(wallClockIso(weekDates(plan.week)[0] as string, 0, plan.timeZone));
  const events: (EventAttributes & { timestamp: number })[] = plan.days.flatMap((day) =>
    day.visits.map((v) => ({
      uid: visitUid(plan, v),
      title: visitTitle(v),
      description: visitDescription(v),
      location: visitLocation(v),
      ...(v.location ? { geo: { lat: v.location.lat, lon: v.location.lon } } : {}),
      start: Date.parse(v.start),
      end: Date.parse(v.end),
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      timestamp: stamp,
      status: 'CONFIRMED',
      busyStatus: 'BUSY',
    })),
  );
  const { error, value } = createEvents(events, {
    productId: 'stratum/visit-plan',
    calName: `${plan.repName} ${plan.week} 拜访计划`,
  });
  if (error || value === null)
    throw new Error(
      `cannot write the visit plan of ${plan.repId} for ${plan.week} as iCalendar: ${error?.message ?? 'no output'}`,
    );
  return foldIcsLines(value);
}
