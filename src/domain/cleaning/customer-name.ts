import { splitBranch, type BranchHints } from './branch-suffix.js';
import { toHalfWidth } from './half-width.js';
import { normalisePunctuation } from './punctuation.js';
import { toSimplified } from './simplified-chinese.js';

export interface NormalisedName {
  /** Brand, then the branch in half-width brackets: 海底捞(朝阳店). */
  readonly name: string;
  readonly brand: string;
  readonly branch: string | null;
}

/** Half-width, simplified, uniform punctuation and whitespace: the text form every comparison starts from. */
export function normaliseText(raw: string): string {
  return normalisePunctuation(toSimplified(toHalfWidth(raw.normalize('NFC'))));
}

export function normaliseCustomerName(raw: string, hints: BranchHints): NormalisedName {
  return nameFromText(normaliseText(raw), hints);
}

/** normaliseCustomerName for a name already through normaliseText. */
export function nameFromText(text: string, hints: BranchHints): NormalisedName {
  const { brand, branch } = splitBranch(text, hints);
  return { name: branch ? `${brand}(${branch})` : brand, brand, branch };
}

/** The form names are compared in: lower case, without spaces, brackets or punctuation. */
export function matchKey(text: string): string {
  return text.toLowerCase().replace(/[\s()\-,.:;!?&+/\\#*'"]/g, '');
}
