import { addressFromText, addressNumbers } from './address.js';
import { branchCore, districtCores, splitBracketedBranch, type BranchHints } from './branch-suffix.js';
import {
  matchKey,
  nameFromText,
  normaliseText as normaliseTextOnce,
  type NormalisedName,
} from './customer-name.js';
import { normalisePhone } from './phone.js';

/** A customer as read from the customers table, with the number of orders it has (its history). */
export interface CustomerRecord {
  readonly customerId: string;
  readonly name: string;
  readonly chainId: string | null;
  readonly cuisine: string | null;
  readonly city: string;
  readonly district: string;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly phone: string | null;
  /** YYYY-MM-DD */
  readonly createdDate: string;
  readonly orderCount: number;
}

/** A customer with everything matching compares, normalised once. */
export interface CustomerProfile {
  readonly record: CustomerRecord;
  readonly name: NormalisedName;
  readonly address: string | null;
  readonly phone: string | null;
  readonly city: string;
  readonly district: string;
  readonly cuisine: string | null;
  /** Brand as compared: no spaces, brackets or punctuation. */
  readonly brandKey: string;
  /** Brand and branch as compared, for names whose suffix was not recognised as a branch. */
  readonly fullKey: string;
  readonly branchCore: string | null;
  readonly addressNumbers: string | null;
}

/**
 * Normalises every customer. Two passes: the first learns brands and branches from bracketed suffixes
 * (海底捞(望京店)), the second uses them to split suffixes written without brackets (海底捞望京店).
 */
export function profileCustomers(records: readonly CustomerRecord[]): CustomerProfile[] {
  // Names are normalised twice and cities, districts and cuisines repeat: convert each text once.
  const cache = new Map<string, string>();
  const normaliseText = (raw: string): string => {
    let text = cache.get(raw);
    if (text === undefined) cache.set(raw, (text = normaliseTextOnce(raw)));
    return text;
  };
  const knownBrands = new Set<string>();
  const knownBranchCores = new Set<string>();
  for (const r of records) {
    const split = splitBracketedBranch(normaliseText(r.name));
    if (split?.branch && [...split.brand].length >= 2) {
      knownBrands.add(split.brand);
      knownBranchCores.add(branchCore(split.branch));
    }
  }
  return records.map((record) => {
    const city = normaliseText(record.city);
    const district = normaliseText(record.district);
    const hints: BranchHints = { knownBrands, knownBranchCores, districtCores: districtCores(district) };
    const name = nameFromText(normaliseText(record.name), hints);
    const address =
      record.address === null ? null : addressFromText(normaliseText(record.address), { city, district });
    return {
      record,
      name,
      address,
      phone: normalisePhone(record.phone),
      city,
      district,
      cuisine: record.cuisine === null ? null : normaliseText(record.cuisine),
      brandKey: matchKey(name.brand),
      fullKey: matchKey(name.brand + (name.branch ?? '')),
      branchCore: name.branch === null ? null : branchCore(name.branch),
      addressNumbers: address === null ? null : addressNumbers(address),
    };
  });
}
