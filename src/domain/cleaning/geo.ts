const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Cell of a square grid of `cellDegrees` (0.001° ≈ 110 m north–south, ≈ 95 m east–west in China's cities). */
export function gridCell(p: LatLon, cellDegrees: number): { row: number; col: number } {
  return { row: Math.floor(p.lat / cellDegrees), col: Math.floor(p.lon / cellDegrees) };
}
