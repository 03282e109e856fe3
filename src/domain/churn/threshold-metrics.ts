import type { OperatingPoint } from '../../contracts/churn/evaluation.js';

/** Precision, recall and F1 when rows with score ≥ threshold are flagged. */
export function operatingPoint(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): OperatingPoint {
  let flagged = 0;
  let truePositives = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const hit = (labels[i] as number) === 1;
    if (hit) positives++;
    if ((scores[i] as number) >= threshold) {
      flagged++;
      if (hit) truePositives++;
    }
  }
  return pointOf(threshold, flagged, truePositives, positives);
}

function pointOf(
  threshold: number,
  flagged: number,
  truePositives: number,
  positives: number,
): OperatingPoint {
  const precision = flagged === 0 ? 0 : truePositives / flagged;
  const recall = positives === 0 ? 0 : truePositives / positives;
  return {
    threshold,
    flagged,
    truePositives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/**
 * The threshold that maximises F1 when rows scoring at or above it are flagged: each distinct score is tried
 * (tied scores are flagged together); the highest such threshold wins a tie in F1. 1 when there is no positive.
 */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  let best = { threshold: 1, f1: 0 };
  let truePositives = 0;
  for (let k = 0; k < order.length; k++) {
    const s = scores[order[k] as number] as number;
    truePositives += labels[order[k] as number] as number;
    if (k + 1 < order.length && scores[order[k + 1] as number] === s) continue;
    const f1 = pointOf(s, k + 1, truePositives, positives).f1;
    if (f1 > best.f1) best = { threshold: s, f1 };
  }
  return best.threshold;
}

/**
 * The operating point of flagging the `share` of rows that score highest (ties at the cut broken by row order):
 * what a team that can call, say, the riskiest 10 % of its customers gets.
 */
export function topShare(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  share: number,
): OperatingPoint {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
  );
  const k = Math.round(share * scores.length);
  let positives = 0;
  let truePositives = 0;
  for (let i = 0; i < order.length; i++) {
    const y = labels[order[i] as number] as number;
    positives += y;
    if (i < k) truePositives += y;
  }
  const threshold = k === 0 ? 1 : (scores[order[k - 1] as number] as number);
  return pointOf(threshold, k, truePositives, positives);
}
