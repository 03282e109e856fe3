import { PEER_LEVELS, type PeerLevel } from '../../contracts/profiles/purchase-profile.js';

/** The narrowest peer level with at least `minimum` peers, else the widest (cuisine), whatever its count. */
export function peerLevel(counts: Readonly<Record<PeerLevel, number>>, minimum: number): PeerLevel {
  return PEER_LEVELS.find((level) => counts[level] >= minimum) ?? 'cuisine';
}
