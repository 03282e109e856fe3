/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive scores above a
 * random negative, a tie counting ½ (scores are ranked with average ranks for ties). NaN without both classes.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const averageRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++)
      if ((labels[order[k] as number] as number) === 1) {
        positives++;
        rankSum += averageRank;
      }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
