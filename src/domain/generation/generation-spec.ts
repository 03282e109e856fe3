/** What one generated dataset is a function of: identical specs give identical bytes. */
export interface GenerationSpec {
  readonly customers: number;
  readonly seed: number;
  readonly months: number;
  /** Last day of the history (YYYY-MM-DD, Asia/Shanghai). */
  readonly end: string;
}

/** The two 32-bit halves of the seed, the first keys of every random stream. */
export function seedKeys(seed: number): [number, number] {
  return [(seed % 4294967296) | 0, Math.floor(seed / 4294967296) | 0];
}
