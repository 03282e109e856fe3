import type { Truth } from '../../contracts/truth.js';

/** The anomaly lists of the ground truth; each batch of customers contributes its part. */
export type TruthParts = Pick<
  Truth,
  'duplicates' | 'brushing' | 'hugeRefunds' | 'churned' | 'fastGrowing' | 'risky' | 'detractors'
>;

export function emptyTruthParts(): TruthParts {
  return {
    duplicates: [],
    brushing: [],
    hugeRefunds: [],
    churned: [],
    fastGrowing: [],
    risky: [],
    detractors: [],
  };
}

/** Appends `part` to `into` (batches are merged in customer order, so the result is deterministic). */
export function appendTruthParts(into: TruthParts, part: TruthParts): void {
  into.duplicates.push(...part.duplicates);
  into.brushing.push(...part.brushing);
  into.hugeRefunds.push(...part.hugeRefunds);
  into.churned.push(...part.churned);
  into.fastGrowing.push(...part.fastGrowing);
  into.risky.push(...part.risky);
  into.detractors.push(...part.detractors);
}
