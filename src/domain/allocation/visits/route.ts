import { distanceMetres } from '../../cleaning/geo.js';
import type { GeoPoint } from '../model.js';
import type { VisitSettings } from './visit-settings.js';

export type TravelSettings = Pick<VisitSettings, 'speedKmh' | 'roadFactor' | 'defaultTravelMinutes'>;

/**
 * Whole minutes (rounded up) to drive from one point to another: straight-line distance × roadFactor at
 * speedKmh; defaultTravelMinutes when either end has no coordinates.
 */
export function travelMinutes(from: GeoPoint | null, to: GeoPoint | null, s: TravelSettings): number {
  if (!from || !to) return s.defaultTravelMinutes;
  const km = (distanceMetres(from, to) / 1000) * s.roadFactor;
  return Math.ceil((km / s.speedKmh) * 60);
}

/**
 * Stops in nearest-neighbour order from `base`: always on to the closest stop not yet visited (ties: the earlier
 * in the input). Stops without coordinates go last, in input order.
 */
export function nearestNeighbourOrder<T>(
  base: GeoPoint,
  stops: readonly T[],
  locate: (stop: T) => GeoPoint | null,
): T[] {
  const located = stops.filter((s) => locate(s) !== null);
  const order: T[] = [];
  let at = base;
  while (located.length > 0) {
    let best = 0;
    let bestMetres = Infinity;
    located.forEach((s, i) => {
      const metres = distanceMetres(at, locate(s) as GeoPoint);
      if (metres < bestMetres) [best, bestMetres] = [i, metres];
    });
    const [next] = located.splice(best, 1) as [T];
    order.push(next);
    at = locate(next) as GeoPoint;
  }
  return [...order, ...stops.filter((s) => locate(s) === null)];
}

/** Travel minutes of each leg when the stops are visited in the given order, starting at `base`. */
export function legMinutes<T>(
  base: GeoPoint,
  stops: readonly T[],
  locate: (stop: T) => GeoPoint | null,
  s: TravelSettings,
): number[] {
  let at: GeoPoint | null = base;
  return stops.map((stop) => {
    const to = locate(stop);
    const minutes = travelMinutes(at, to, s);
    at = to;
    return minutes;
  });
}
