import { dropCjkSpaces } from './punctuation.js';

export interface BrandAndBranch {
  readonly brand: string;
  /** Canonical branch, e.g. 朝阳店; null when the name carries none. */
  readonly branch: string | null;
}

/** What the whole customer table teaches about branch suffixes that carry no bracket. */
export interface BranchHints {
  /** Brands seen with a bracketed branch, e.g. 海底捞 from 海底捞(望京店). */
  readonly knownBrands: ReadonlySet<string>;
  /** Branch cores seen in brackets, e.g. 望京. */
  readonly knownBranchCores: ReadonlySet<string>;
  /** Short forms of the customer's district, e.g. 朝阳 for 朝阳区, 浦东 and 浦东新 for 浦东新区. */
  readonly districtCores: readonly string[];
}

export const NO_HINTS: BranchHints = {
  knownBrands: new Set(),
  knownBranchCores: new Set(),
  districtCores: [],
};

/** Short forms of a district a branch may be named after: 高新区 → 高新, 高. */
export function districtCores(district: string): string[] {
  const cores = [district.replace(/(区|县|市)$/, ''), district.replace(/(新区|自治县)$/, '')];
  return [...new Set(cores.filter((c) => c !== '' && c !== district))];
}

const STORE_SUFFIX = /(分店|店)$/;
/** Words ending in 店 that name the kind of business, not a branch (饭店, 大酒店, 火锅店…). */
const BUSINESS_WORD =
  /(饭|酒|商|小|面|粉|菜|餐|肉|果|花|药|书|茶|点|锅|烤|串|虾|鱼|鸭|鸡|汤|粥|包|饺|馄饨|烧腊|快餐|小吃|料理)店$/;
const BRACKETED_TAIL = /^(.+?)\s*\(([^()]+)\)$/;
const SPACED_TAIL = /^(.+)\s+(\S+)$/;

/** A branch without its 分店/店 ending: 朝阳分店 and 朝阳店 both have the core 朝阳. */
export function branchCore(branch: string): string {
  return branch.replace(STORE_SUFFIX, '');
}

function canonicalBranch(raw: string): string {
  const branch = dropCjkSpaces(raw).trim();
  return STORE_SUFFIX.test(branch) ? `${branchCore(branch)}店` : branch;
}

/** A store suffix that can only be a branch: 朝阳店 or 朝阳分店 with a core of two characters or more. */
function isBranchWord(word: string): boolean {
  return STORE_SUFFIX.test(word) && [...branchCore(word)].length >= 2 && !BUSINESS_WORD.test(word);
}

const result = (brand: string, branch: string | null): BrandAndBranch => ({
  brand: dropCjkSpaces(brand).trim(),
  branch: branch === null ? null : canonicalBranch(branch),
});

/** Splits a bracketed branch suffix off a name: 海底捞(朝阳店) → 海底捞 + 朝阳店. Expects normalised punctuation. */
export function splitBracketedBranch(name: string): BrandAndBranch | null {
  const m = BRACKETED_TAIL.exec(name);
  return m?.[1] && m[2] ? result(m[1], m[2]) : null;
}

/**
 * Splits the branch suffix off a normalised name. Bracketed suffixes are always branches; a suffix after a
 * space ("海底捞 朝阳店") or glued to the brand ("海底捞朝阳分店") only when the brand or the branch is known
 * from bracketed names elsewhere, or the branch is the customer's district, so that 老王 火锅店 stays whole.
 */
export function splitBranch(name: string, hints: BranchHints): BrandAndBranch {
  const bracketed = splitBracketedBranch(name);
  if (bracketed) return bracketed;
  const isDistrict = (word: string) =>
    STORE_SUFFIX.test(word) && hints.districtCores.includes(branchCore(word));
  const known = (brand: string, word: string) =>
    isDistrict(word) ||
    (isBranchWord(word) &&
      (hints.knownBrands.has(brand) ||
        hints.knownBranchCores.has(branchCore(word)) ||
        word.endsWith('分店')));

  const spaced = SPACED_TAIL.exec(name);
  if (spaced?.[1] && spaced[2]) {
    const brand = dropCjkSpaces(spaced[1]);
    if (known(brand, spaced[2])) return result(brand, spaced[2]);
  }

  const compact = dropCjkSpaces(name);
  // Longest known brand that prefixes the name, looked up by prefix (names are short, brands may be many).
  for (let end = compact.length - 1; end >= 1; end--) {
    const brand = compact.slice(0, end);
    const rest = compact.slice(end);
    if (hints.knownBrands.has(brand) && isBranchWord(rest)) return result(brand, rest);
  }
  for (const core of hints.districtCores) {
    for (const suffix of ['分店', '店']) {
      const word = core + suffix;
      if (
        compact.endsWith(word) &&
        [...compact].length - [...word].length >= 2 &&
        !BUSINESS_WORD.test(compact)
      )
        return result(compact.slice(0, -word.length), word);
    }
  }
  return result(compact, null);
}
