import { describe, expect, it } from 'vitest';
import type { GeoPoint, Rep } from '../model.js';
import { dueInWeek } from './cadence.js';
import { weekIndex } from './iso-week.js';
import { planWeek } from './plan-week.js';
import { legMinutes } from './route.js';
import { DEFAULT_VISIT_SETTINGS } from './visit-settings.js';
import type { VisitCustomer, WeekPlan } from '../../../contracts/allocation/week-plan.js';

const WEEK = '2026-W48'; // Monday 2026-11-23
const WEEKDAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
/** 52/12 visits a month is exactly one a week, whatever the phase. */
const WEEKLY = 52 / 12;
const BASE: GeoPoint = { lat: 39.9, lon: 116.4 };

const rep = (over: Partial<Rep> = {}): Rep => ({
  id: 'R01',
  name: '王磊',
  team: 'T1',
  role: 'sales',
  seniority: 'senior',
  city: '北京',
  base: BASE,
  districts: [],
  capacity: 40,
  skills: [],
  leave: [],
  ...over,
});

const customer = (
  id: string,
  district: string,
  location: GeoPoint | null,
  visitsPerMonth = WEEKLY,
): VisitCustomer => ({
  id,
  name: `客户${id}`,
  tier: 'gold',
  visitsPerMonth,
  district,
  address: `北京市${district}路${id}号`,
  location,
});

/** `n` customers of a district scattered around a centre (about 1 km apart). */
const district = (name: string, centre: GeoPoint, n: number, prefix = name): VisitCustomer[] =>
  Array.from({ length: n }, (_, i) =>
    customer(`${prefix}${String(i + 1).padStart(3, '0')}`, name, {
      lat: centre.lat + 0.008 * Math.cos(i * 2.4),
      lon: centre.lon + 0.01 * Math.sin(i * 2.4),
    }),
  );

const CITY = [
  ...district('朝阳区', { lat: 39.93, lon: 116.48 }, 5),
  ...district('海淀区', { lat: 39.97, lon: 116.3 }, 4),
  ...district('丰台区', { lat: 39.85, lon: 116.29 }, 3),
  ...district('通州区', { lat: 39.9, lon: 116.65 }, 4),
];

const minutesOf = (iso: string): number => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const allVisits = (plan: WeekPlan) => plan.days.flatMap((d) => d.visits);

/** Every due visit and call is planned or listed as unscheduled, exactly once. */
function expectNothingDropped(plan: WeekPlan, customers: readonly VisitCustomer[]): void {
  const due = dueInWeek(customers, weekIndex(plan.week));
  const key = (id: string, kind: string, n: number) => `${id}/${kind}/${n}`;
  const expected = due.flatMap((d) =>
    Array.from({ length: d.count }, (_, i) => key(d.customer.id, d.kind, i + 1)),
  );
  const got = [
    ...allVisits(plan).map((v) => key(v.customerId, 'visit', v.occurrence)),
    ...plan.calls.map((c) => key(c.customerId, 'call', c.occurrence)),
    ...plan.unscheduled.map((u) => key(u.customerId, u.kind, u.occurrence)),
  ];
  expect(got.sort()).toEqual(expected.sort());
}

describe('planWeek', () => {
  it('keeps a district on one day when it fits, and balances the days', () => {
    const plan = planWeek({ week: WEEK, rep: rep(), customers: CITY });
    expect(plan.days.map((d) => d.date)).toEqual(WEEKDAYS);
    expect(plan.unscheduled).toEqual([]);
    expect(plan.totals.visits).toBe(CITY.length);
    for (const name of ['朝阳区', '海淀区', '丰台区', '通州区']) {
      const days = plan.days.filter((d) => d.visits.some((v) => v.district === name));
      expect(days).toHaveLength(1);
    }
    // Four districts, five days: each on a day of its own.
    expect(plan.days.filter((d) => d.visits.length > 0)).toHaveLength(4);
    expect(plan.days.every((d) => d.districts.length <= 1)).toBe(true);
    expectNothingDropped(plan, CITY);
  });

  it('runs each day in time order from 09:30, travel included, without overlaps or overtime', () => {
    const customers = [...CITY, ...district('东城区', { lat: 39.93, lon: 116.42 }, 25)];
    const plan = planWeek({ week: WEEK, rep: rep(), customers });
    expect(plan.unscheduled).toEqual([]);
    for (const day of plan.days) {
      let t = 9 * 60 + 30;
      for (const v of day.visits) {
        expect(v.start.slice(0, 10)).toBe(day.date);
        expect(v.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
        expect(minutesOf(v.start)).toBe(t + v.travelMinutes);
        expect(minutesOf(v.end) - minutesOf(v.start)).toBe(45);
        t = minutesOf(v.end);
      }
      expect(t).toBeLessThanOrEqual(9 * 60 + 30 + 480);
      expect(day.minutes).toBe(t - (9 * 60 + 30));
    }
    // The big district does not fit one day: it is split.
    expect(plan.days.filter((d) => d.districts.includes('东城区')).length).toBeGreaterThan(1);
    expect(plan.totals.travelMinutes).toBe(allVisits(plan).reduce((n, v) => n + v.travelMinutes, 0));
    expect(plan.totals.visitMinutes).toBe(45 * customers.length);
  });

  it('balances many small districts over the days', () => {
    const centres = Array.from({ length: 10 }, (_, i) => ({
      lat: BASE.lat + 0.06 * Math.cos(i * 0.63),
      lon: BASE.lon + 0.08 * Math.sin(i * 0.63),
    }));
    const customers = centres.flatMap((c, i) => district(`区${i}`, c, 3));
    const plan = planWeek({ week: WEEK, rep: rep(), customers });
    expect(plan.unscheduled).toEqual([]);
    const counts = plan.days.map((d) => d.visits.length);
    expect(counts).toEqual([6, 6, 6, 6, 6]);
    const loads = plan.days.map((d) => d.minutes);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThan(60);
    for (let i = 0; i < 10; i++)
      expect(plan.days.filter((d) => d.districts.includes(`区${i}`))).toHaveLength(1);
  });

  it('visits in nearest-neighbour order, shorter than the input order', () => {
    // One district on a line east of the base, given in a zig-zag order.
    const offsets = [0.1, 0.02, 0.08, 0.04, 0.1 - 0.01, 0.06];
    const customers = offsets.map((d, i) =>
      customer(`Z${i}`, '朝阳区', { lat: BASE.lat, lon: BASE.lon + d }),
    );
    const plan = planWeek({ week: WEEK, rep: rep(), customers });
    const day = plan.days.find((d) => d.visits.length > 0);
    expect(day?.visits.map((v) => v.customerId)).toEqual(['Z1', 'Z3', 'Z5', 'Z2', 'Z4', 'Z0']);
    const inputOrder = legMinutes(BASE, customers, (c) => c.location, DEFAULT_VISIT_SETTINGS);
    expect(plan.totals.travelMinutes).toBeLessThan(inputOrder.reduce((a, b) => a + b, 0));
  });

  it('gives leave days no visits', () => {
    const leave = [{ from: '2026-11-20', to: '2026-11-25' }];
    const plan = planWeek({ week: WEEK, rep: rep({ leave }), customers: CITY });
    expect(plan.days.map((d) => d.onLeave)).toEqual([true, true, true, false, false]);
    for (const d of plan.days.slice(0, 3)) expect(d.visits).toEqual([]);
    expect(plan.totals.visits + plan.unscheduled.length).toBe(CITY.length);
    expect(plan.totals.visits).toBeGreaterThan(0);
    expect(plan.unscheduled.every((u) => u.reason === 'no_time')).toBe(true);
    expectNothingDropped(plan, CITY);
  });

  it('lists everything as unscheduled for leave when the rep is away all week', () => {
    const phone = Array.from({ length: 40 }, (_, i) => customer(`P${i}`, '朝阳区', null, 0));
    const customers = [...CITY, ...phone];
    const plan = planWeek({
      week: WEEK,
      rep: rep({ leave: [{ from: '2026-11-16', to: '2026-11-30' }] }),
      customers,
    });
    expect(plan.days.every((d) => d.onLeave && d.visits.length === 0)).toBe(true);
    expect(plan.calls).toEqual([]);
    expect(plan.totals.visits).toBe(0);
    expect(plan.unscheduled.length).toBeGreaterThan(CITY.length);
    expect(plan.unscheduled.every((u) => u.reason === 'leave')).toBe(true);
    expect(plan.unscheduled.some((u) => u.kind === 'call')).toBe(true);
    expectNothingDropped(plan, customers);
  });

  it('lists what does not fit as no_time instead of dropping it', () => {
    const customers = district('朝阳区', { lat: 39.93, lon: 116.48 }, 70);
    const plan = planWeek({ week: WEEK, rep: rep(), customers });
    expect(plan.unscheduled.length).toBeGreaterThan(0);
    expect(plan.unscheduled.every((u) => u.reason === 'no_time' && u.kind === 'visit')).toBe(true);
    for (const d of plan.days) expect(d.minutes).toBeLessThanOrEqual(480);
    expectNothingDropped(plan, customers);
  });

  it('calls phone-only customers who are due, after the visits of a day', () => {
    const phone = Array.from({ length: 40 }, (_, i) =>
      customer(`P${String(i).padStart(2, '0')}`, '朝阳区', null, 0),
    );
    const customers = [...CITY, ...phone];
    const plan = planWeek({ week: WEEK, rep: rep(), customers });
    const dueCalls = dueInWeek(phone, weekIndex(WEEK)).map((d) => d.customer.id);
    expect(dueCalls.length).toBeGreaterThan(0);
    expect(dueCalls.length).toBeLessThan(phone.length);
    expect(plan.calls.map((c) => c.customerId).sort()).toEqual(dueCalls.sort());
    expect(allVisits(plan).some((v) => v.customerId.startsWith('P'))).toBe(false);
    for (const call of plan.calls) {
      const day = plan.days.find((d) => d.date === call.date);
      const lastVisitEnd = Math.max(9 * 60 + 30, ...(day?.visits ?? []).map((v) => minutesOf(v.end)));
      expect(minutesOf(call.start)).toBeGreaterThanOrEqual(lastVisitEnd);
      expect(minutesOf(call.end) - minutesOf(call.start)).toBe(10);
    }
    const starts = plan.calls.map((c) => c.start);
    expect(new Set(starts).size).toBe(starts.length);
    expect(plan.totals.calls).toBe(dueCalls.length);
    expectNothingDropped(plan, customers);
  });

  it('puts a second visit of the week on another day, and customers without coordinates last', () => {
    const twice = customer('T1', '朝阳区', { lat: 39.93, lon: 116.48 }, 8);
    const lost = customer('L1', '朝阳区', null);
    const weeks = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'];
    const week = weeks.find((w) => dueInWeek([twice], weekIndex(w))[0]?.count === 2) ?? '';
    const plan = planWeek({ week, rep: rep(), customers: [twice, lost, ...CITY] });
    const days = plan.days.filter((d) => d.visits.some((v) => v.customerId === 'T1'));
    expect(days).toHaveLength(2);
    const lostDay = plan.days.find((d) => d.visits.some((v) => v.customerId === 'L1'));
    expect(lostDay?.visits.at(-1)?.customerId).toBe('L1');
    expect(lostDay?.visits.at(-1)?.travelMinutes).toBe(20);
  });

  it('is deterministic and does not depend on the input order', () => {
    const a = planWeek({ week: WEEK, rep: rep(), customers: CITY });
    const b = planWeek({ week: WEEK, rep: rep(), customers: [...CITY].reverse() });
    expect(b).toEqual(a);
  });

  it('honours settings and refuses bad input', () => {
    const plan = planWeek({
      week: WEEK,
      rep: rep(),
      customers: CITY,
      settings: { dayStart: '08:00', visitMinutes: 30, workdays: [1, 2, 3, 4, 5, 6] },
    });
    expect(plan.days).toHaveLength(6);
    const first = plan.days.find((d) => d.visits.length > 0)?.visits[0];
    expect(minutesOf(first?.start ?? '')).toBe(8 * 60 + (first?.travelMinutes ?? 0));
    expect(() => planWeek({ week: '2026-48', rep: rep(), customers: CITY })).toThrow(/ISO week/);
    expect(() =>
      planWeek({ week: WEEK, rep: rep(), customers: CITY, settings: { dayStart: '9:30' } }),
    ).toThrow(/dayStart/);
  });
});
