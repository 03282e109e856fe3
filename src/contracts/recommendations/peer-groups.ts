import { z } from 'zod';
import { PEER_LEVELS, SEAT_BAND_NAMES } from '../profiles/purchase-profile.js';

/**
 * Peers share the cuisine and the seat band of the purchase profiles (SEAT_BANDS: small below 50 seats, medium
 * below 100, large from 100, unknown without seats), within the narrowest area with enough of them: the same
 * district, the same city, or anywhere (PEER_LEVELS, narrowest first).
 */
export { PEER_LEVELS };
export const ScaleBandSchema = z.enum(SEAT_BAND_NAMES);
export type ScaleBand = z.infer<typeof ScaleBandSchema>;
export const PeerLevelSchema = z.enum(PEER_LEVELS);
export type PeerLevel = z.infer<typeof PeerLevelSchema>;

/** One peer group: cuisine ('' unknown) × seat band, within a district, a city, or everywhere (null). */
export const PeerGroupSchema = z.object({
  level: PeerLevelSchema,
  cuisine: z.string(),
  scaleBand: ScaleBandSchema,
  city: z.string().nullable(),
  district: z.string().nullable(),
});
export type PeerGroup = z.infer<typeof PeerGroupSchema>;
