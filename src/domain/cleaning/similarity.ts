import { distance } from 'fastest-levenshtein';

/** 1 − Levenshtein distance / length of the longer string: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max([...a].length, [...b].length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}
