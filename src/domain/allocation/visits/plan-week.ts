import type { Rep } from '../model.js';
import { assignToDays, routeDay, type Route, type Stop } from './assign-days.js';
import { dueInWeek } from './cadence.js';
import { weekDates, weekIndex } from './iso-week.js';
import { clockMinutes, resolveVisitSettings, type VisitSettings } from './visit-settings.js';
import { VISIT_TIME_ZONE, wallClockIso } from './wall-clock.js';
import type {
  ContactKind,
  DayPlan,
  PlannedCall,
  PlannedVisit,
  UnscheduledContact,
  UnscheduledReason,
  VisitCustomer,
  WeekPlan,
} from '../../../contracts/allocation/week-plan.js';

export interface PlanWeekInput {
  /** ISO week YYYY-Www; an Error is thrown for anything else. */
  readonly week: string;
  readonly rep: Rep;
  /** The rep's book. */
  readonly customers: readonly VisitCustomer[];
  readonly settings?: Partial<VisitSettings>;
}

const byStop = (a: Stop, b: Stop): number =>
  a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : a.occurrence - b.occurrence;

/**
 * One account manager's plan for one ISO week. The customers due this week (cadence.ts) are visited on the rep's
 * working days that are not on leave: a district's visits share a day when they fit, bigger districts are split,
 * days are balanced (assign-days.ts), and each day runs in nearest-neighbour order from the rep's base, visit after
 * visit from settings.dayStart, travel included. Phone-only customers due this week get a call after the visits of
 * the day with the most time left. Whatever does not fit is listed in `unscheduled` — with reason 'leave' when every
 * working day of the week is leave, 'no_time' otherwise. Deterministic: the same input gives the same plan.
 */
export function planWeek(input: PlanWeekInput): WeekPlan {
  const s = resolveVisitSettings(input.settings);
  const { week, rep } = input;
  const dates = weekDates(week);
  const dayStart = clockMinutes(s.dayStart);
  const workDates = dates.filter((_, i) => s.workdays.includes(i + 1));
  const onLeave = (date: string): boolean => rep.leave.some((l) => l.from <= date && date <= l.to);
  const open = workDates.filter((d) => !onLeave(d));
  const missing: UnscheduledReason = workDates.length > 0 && open.length === 0 ? 'leave' : 'no_time';

  const visitStops: Stop[] = [];
  const callStops: Stop[] = [];
  for (const due of dueInWeek(input.customers, weekIndex(week)))
    for (let occurrence = 1; occurrence <= due.count; occurrence++)
      (due.kind === 'visit' ? visitStops : callStops).push({ customer: due.customer, occurrence });
  visitStops.sort(byStop);
  callStops.sort(byStop);

  const unscheduled: UnscheduledContact[] = [];
  const miss = (stop: Stop, kind: ContactKind): void => {
    unscheduled.push({
      customerId: stop.customer.id,
      name: stop.customer.name,
      kind,
      occurrence: stop.occurrence,
      reason: missing,
    });
  };
  const sameCustomer = (stops: readonly Stop[], stop: Stop): boolean =>
    stops.some((o) => o.customer.id === stop.customer.id);

  // Visits: grouped and placed on the open days (each day's route fits), then timed along that route.
  const placed = assignToDays(rep.base, visitStops, open.length, s);
  const routes: Route[] = placed.days.map((stops) => routeDay(rep.base, stops, s));
  for (const stop of placed.unplaced.sort(byStop)) miss(stop, 'visit');

  // Calls: after the visits, on the day with the most time left.
  const busy = routes.map((r) => r.minutes);
  const callsByDay: Stop[][] = routes.map(() => []);
  for (const stop of callStops) {
    const order = busy.map((_, i) => i).sort((a, b) => (busy[a] ?? 0) - (busy[b] ?? 0) || a - b);
    const day = order.find(
      (i) => (busy[i] ?? 0) + s.callMinutes <= s.dayMinutes && !sameCustomer(callsByDay[i] ?? [], stop),
    );
    if (day === undefined) {
      miss(stop, 'call');
      continue;
    }
    callsByDay[day]?.push(stop);
    busy[day] = (busy[day] ?? 0) + s.callMinutes;
  }

  const calls: PlannedCall[] = [];
  const days: DayPlan[] = workDates.map((date) => {
    const i = open.indexOf(date);
    const route = routes[i];
    if (i < 0 || !route) return { date, onLeave: onLeave(date), districts: [], visits: [], minutes: 0 };
    let t = dayStart;
    const visits: PlannedVisit[] = route.stops.map(({ customer: c, occurrence }, k) => {
      const travelMinutes = route.legs[k] ?? 0;
      const start = (t += travelMinutes);
      t += s.visitMinutes;
      return {
        customerId: c.id,
        name: c.name,
        tier: c.tier,
        district: c.district,
        address: c.address,
        location: c.location,
        occurrence,
        start: wallClockIso(date, start),
        end: wallClockIso(date, t),
        travelMinutes,
      };
    });
    for (const { customer: c, occurrence } of callsByDay[i] ?? []) {
      const start = t;
      t += s.callMinutes;
      calls.push({
        customerId: c.id,
        name: c.name,
        tier: c.tier,
        district: c.district,
        address: c.address,
        occurrence,
        date,
        start: wallClockIso(date, start),
        end: wallClockIso(date, t),
      });
    }
    return {
      date,
      onLeave: false,
      districts: [...new Set(visits.map((v) => v.district))],
      visits,
      minutes: t - dayStart,
    };
  });

  const visitCount = days.reduce((n, d) => n + d.visits.length, 0);
  return {
    repId: rep.id,
    repName: rep.name,
    week,
    timeZone: VISIT_TIME_ZONE,
    days,
    calls,
    unscheduled: unscheduled.sort(
      (a, b) =>
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        a.occurrence - b.occurrence,
    ),
    totals: {
      visits: visitCount,
      calls: calls.length,
      unscheduled: unscheduled.length,
      travelMinutes: days.reduce((n, d) => n + d.visits.reduce((m, v) => m + v.travelMinutes, 0), 0),
      visitMinutes: visitCount * s.visitMinutes,
      callMinutes: calls.length * s.callMinutes,
    },
  };
}
