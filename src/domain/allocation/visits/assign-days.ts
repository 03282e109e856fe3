import type { GeoPoint } from '../model.js';
import { legMinutes, nearestNeighbourOrder, travelMinutes } from './route.js';
import type { VisitSettings } from './visit-settings.js';
import type { VisitCustomer } from '../../../contracts/allocation/week-plan.js';

/** One visit to place: a customer and which of its visits this week it is (1, 2…). */
export interface Stop {
  readonly customer: VisitCustomer;
  readonly occurrence: number;
}

const locate = (stop: Stop): GeoPoint | null => stop.customer.location;

/** A day's stops in nearest-neighbour order from the base, with the travel minutes of each leg. */
export interface Route {
  readonly stops: readonly Stop[];
  readonly legs: readonly number[];
  /** Travel plus time on site. */
  readonly minutes: number;
}

export function routeDay(base: GeoPoint, stops: readonly Stop[], s: VisitSettings): Route {
  const ordered = nearestNeighbourOrder(base, stops, locate);
  const legs = legMinutes(base, ordered, locate, s);
  return { stops: ordered, legs, minutes: legs.reduce((a, b) => a + b, 0) + ordered.length * s.visitMinutes };
}

/** Visits of one district (and occurrence), kept together on one day unless they do not fit in one. */
interface Chunk {
  readonly key: string;
  readonly stops: readonly Stop[];
  /** Minutes of a day that held only this chunk. */
  readonly minutes: number;
}

const chunkOf = (key: string, base: GeoPoint, stops: readonly Stop[], s: VisitSettings): Chunk => {
  const route = routeDay(base, stops, s);
  return { key, stops: route.stops, minutes: route.minutes };
};

/** Cuts a group along its nearest-neighbour route into runs that each fit a day on their own. */
function splitToDays(key: string, base: GeoPoint, stops: readonly Stop[], s: VisitSettings): Chunk[] {
  const route = routeDay(base, stops, s);
  if (route.minutes <= s.dayMinutes) return [{ key, stops: route.stops, minutes: route.minutes }];
  const fromBase = (stop: Stop): number => travelMinutes(base, stop.customer.location, s);
  const runs: Stop[][] = [];
  let run: Stop[] = [];
  let minutes = 0;
  route.stops.forEach((stop, i) => {
    let leg = run.length === 0 ? fromBase(stop) : (route.legs[i] ?? 0);
    if (run.length > 0 && minutes + leg + s.visitMinutes > s.dayMinutes) {
      runs.push(run);
      run = [];
      minutes = 0;
      leg = fromBase(stop);
    }
    run.push(stop);
    minutes += leg + s.visitMinutes;
  });
  runs.push(run);
  return runs.map((r) => chunkOf(key, base, r, s));
}

/**
 * Places visits on `dayCount` days so that travel stays low and the days are even: visits are grouped by district
 * (and by occurrence, so a customer's second visit lands on another day); a group that does not fit one day is cut
 * along its route; then, biggest first, each group goes to the day that is least loaded once it has the group
 * (minutes of the day's nearest-neighbour route), among the days it fits and that have no visit to the same
 * customer — so groups take empty days first, and then join the day where they add the least driving. A group that
 * fits no day whole is halved along its route and the halves placed in turn; a single visit that fits nowhere is
 * returned in `unplaced`.
 */
export function assignToDays(
  base: GeoPoint,
  stops: readonly Stop[],
  dayCount: number,
  s: VisitSettings,
): { days: Stop[][]; unplaced: Stop[] } {
  const days: Stop[][] = Array.from({ length: dayCount }, () => []);
  const unplaced: Stop[] = [];
  const groups = new Map<string, Stop[]>();
  for (const stop of stops) {
    const key = `${stop.customer.district}\u0000${stop.occurrence}`;
    const group = groups.get(key);
    if (group) group.push(stop);
    else groups.set(key, [stop]);
  }
  const chunks = [...groups].flatMap(([key, group]) => splitToDays(key, base, group, s));
  chunks.sort((a, b) => b.minutes - a.minutes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const place = (chunk: Chunk): void => {
    let best: Stop[] | null = null;
    let bestMinutes = Infinity;
    for (const stopsOfDay of days) {
      if (chunk.stops.some((st) => stopsOfDay.some((o) => o.customer.id === st.customer.id))) continue;
      const minutes =
        stopsOfDay.length === 0 ? chunk.minutes : routeDay(base, [...stopsOfDay, ...chunk.stops], s).minutes;
      if (minutes <= s.dayMinutes && minutes < bestMinutes) [best, bestMinutes] = [stopsOfDay, minutes];
    }
    if (best) {
      best.push(...chunk.stops);
      return;
    }
    if (chunk.stops.length === 1) {
      unplaced.push(...chunk.stops);
      return;
    }
    const half = Math.ceil(chunk.stops.length / 2);
    const parts = [chunk.stops.slice(0, half), chunk.stops.slice(half)].map((p) =>
      chunkOf(chunk.key, base, p, s),
    );
    parts.sort((a, b) => b.minutes - a.minutes);
    parts.forEach(place);
  };
  chunks.forEach(place);
  return { days, unplaced };
}
