import type { MERGE_RULES } from '../../contracts/data-model/system/customer-merges.js';
import type { CustomerProfile } from './customer-profile.js';
import { distanceMetres } from './geo.js';
import { similarity } from './similarity.js';

/** Thresholds of the duplicate rules; docs/cleaning.md explains each. */
export const MATCH_THRESHOLDS = {
  /** Names (brand, or brand and branch) at least this similar; variants of one name normalise to ≥ 0.9. */
  minNameSimilarity: 0.85,
  /** Addresses this similar with the same house numbers agree (equal after normalisation is 1). */
  addressSimilarity: 0.9,
  /** Same phone and name need the address to agree or the sites to be this close. */
  phoneNearMetres: 150,
  /** Agreeing addresses whose coordinates are further apart than this are two sites. */
  addressMaxMetres: 500,
  /** Same name, no address to compare: coordinates this close are one site. */
  locationMetres: 60,
  /** Name similarity required by the location-only rule. */
  locationNameSimilarity: 0.95,
} as const;

export type MergeRuleName = (typeof MERGE_RULES)[number];

export type BranchAgreement = 'same' | 'different' | 'one_missing' | 'none';

export interface PairEvidence {
  readonly nameSimilarity: number;
  readonly addressSimilarity: number | null;
  readonly distanceM: number | null;
  readonly samePhone: boolean;
  readonly branch: BranchAgreement;
}

export type PairDecision =
  | {
      readonly kind: 'match';
      readonly rule: MergeRuleName;
      readonly score: number;
      readonly evidence: PairEvidence;
    }
  | { readonly kind: 'no_match'; readonly reason: string; readonly evidence: PairEvidence | null };

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function branchAgreement(a: CustomerProfile, b: CustomerProfile): BranchAgreement {
  if (a.branchCore === null && b.branchCore === null) return 'none';
  if (a.branchCore === null || b.branchCore === null) return 'one_missing';
  return a.branchCore === b.branchCore ? 'same' : 'different';
}

function distanceOf(a: CustomerProfile, b: CustomerProfile): number | null {
  const p = a.record;
  const q = b.record;
  if (p.lat === null || p.lon === null || q.lat === null || q.lon === null) return null;
  return distanceMetres({ lat: p.lat, lon: p.lon }, { lat: q.lat, lon: q.lon });
}

/** Weighted agreement in [0, 1], used to order matches and shown as evidence. */
function scoreOf(e: PairEvidence): number {
  const address = e.addressSimilarity ?? 0.5;
  const proximity = e.distanceM === null ? 0.5 : Math.max(0, 1 - e.distanceM / 200);
  return 0.4 * e.nameSimilarity + 0.3 * address + 0.15 * proximity + 0.15 * (e.samePhone ? 1 : 0);
}

/**
 * Decides whether two customer records are one restaurant. Vetoes first (another city or district, another
 * branch, cuisine or chain, a different name), then one rule must hold: same phone with agreeing address or
 * nearby coordinates; agreeing address (same house numbers) with coordinates that do not contradict it; or,
 * without an address to compare, the same name within a few tens of metres. A shared phone alone never
 * suffices: branches of a chain often share the head-office phone.
 */
export function comparePair(a: CustomerProfile, b: CustomerProfile): PairDecision {
  const t = MATCH_THRESHOLDS;
  if (a.city !== b.city || a.district !== b.district)
    return { kind: 'no_match', reason: 'district', evidence: null };
  const branch = branchAgreement(a, b);
  if (branch === 'different') return { kind: 'no_match', reason: 'branch', evidence: null };
  if (a.cuisine !== null && b.cuisine !== null && a.cuisine !== b.cuisine)
    return { kind: 'no_match', reason: 'cuisine', evidence: null };
  if (a.record.chainId !== null && b.record.chainId !== null && a.record.chainId !== b.record.chainId)
    return { kind: 'no_match', reason: 'chain', evidence: null };

  const nameSimilarity = Math.max(similarity(a.brandKey, b.brandKey), similarity(a.fullKey, b.fullKey));
  const bothAddresses = a.address !== null && b.address !== null;
  const addressSimilarity = bothAddresses ? similarity(a.address ?? '', b.address ?? '') : null;
  const distanceM = distanceOf(a, b);
  const samePhone = a.phone !== null && a.phone === b.phone;
  const evidence: PairEvidence = {
    nameSimilarity: round(nameSimilarity, 3),
    addressSimilarity: addressSimilarity === null ? null : round(addressSimilarity, 3),
    distanceM: distanceM === null ? null : Math.round(distanceM),
    samePhone,
    branch,
  };
  if (nameSimilarity < t.minNameSimilarity) return { kind: 'no_match', reason: 'name', evidence };

  const addressAgrees =
    addressSimilarity !== null &&
    (addressSimilarity === 1 ||
      (addressSimilarity >= t.addressSimilarity && a.addressNumbers === b.addressNumbers));
  const match = (rule: MergeRuleName): PairDecision => ({
    kind: 'match',
    rule,
    score: round(scoreOf(evidence), 3),
    evidence,
  });
  if (samePhone && (addressAgrees || (distanceM !== null && distanceM <= t.phoneNearMetres)))
    return match('same_phone');
  if (addressAgrees && (distanceM === null || distanceM <= t.addressMaxMetres)) return match('same_address');
  if (
    !bothAddresses &&
    distanceM !== null &&
    distanceM <= t.locationMetres &&
    nameSimilarity >= t.locationNameSimilarity
  )
    return match('same_location');
  return { kind: 'no_match', reason: 'no_rule', evidence };
}
