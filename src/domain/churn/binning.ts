import type { FeatureMatrix } from './feature-matrix.js';

/** At most this many bins of values per feature; missing values have a bin of their own, MISSING_BIN. */
export const MAX_BINS = 255;
export const MISSING_BIN = 255;

/**
 * Per feature, the ascending upper edges between its bins: bin b holds edges[b − 1] < x ≤ edges[b] (the first
 * bin everything up to edges[0], the last everything above the last edge), so a split "bin ≤ b" is the raw
 * test x ≤ edges[b].
 */
export interface Binning {
  readonly edges: readonly Float64Array[];
}

/**
 * Quantile bins per column: one bin per distinct value when there are at most `maxBins`, else cuts at about
 * every rows/maxBins values (a value is never split across bins, so a frequent one fills a bin alone). Edges
 * lie halfway between neighbouring values.
 */
export function fitBinning(m: FeatureMatrix, maxBins = MAX_BINS): Binning {
  if (maxBins < 2 || maxBins > MAX_BINS) throw new Error(`maxBins must be within 2…${MAX_BINS}`);
  const width = m.names.length;
  const edges: Float64Array[] = [];
  for (let c = 0; c < width; c++) {
    const present: number[] = [];
    for (let r = 0; r < m.rows; r++) {
      const v = m.values[r * width + c] as number;
      if (!Number.isNaN(v)) present.push(v);
    }
    edges.push(quantileEdges(Float64Array.from(present).sort(), maxBins));
  }
  return { edges };
}

function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]! += 1;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const between = (i: number) => {
    const a = distinct[i] as number;
    return a + ((distinct[i + 1] as number) - a) / 2;
  };
  if (distinct.length <= maxBins) return Float64Array.from(distinct.slice(0, -1), (_, i) => between(i));
  const perBin = sorted.length / maxBins;
  const edges: number[] = [];
  let seen = 0;
  let next = perBin;
  for (let i = 0; i < distinct.length - 1; i++) {
    seen += counts[i] as number;
    if (seen >= next) {
      edges.push(between(i));
      next = (Math.floor(seen / perBin) + 1) * perBin;
    }
  }
  return Float64Array.from(edges);
}

/** The bin of a value: the first edge it does not exceed (binary search), MISSING_BIN for NaN. */
export function binOf(edges: Float64Array, x: number): number {
  if (Number.isNaN(x)) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= (edges[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The bins of every cell, column-major (`bins[column * rows + row]`), so a histogram reads one column at a time. */
export function binMatrix(m: FeatureMatrix, binning: Binning): Uint8Array {
  const width = m.names.length;
  if (binning.edges.length !== width) throw new Error('the binning is for another matrix');
  const bins = new Uint8Array(width * m.rows);
  for (let c = 0; c < width; c++) {
    const edges = binning.edges[c] as Float64Array;
    for (let r = 0; r < m.rows; r++) bins[c * m.rows + r] = binOf(edges, m.values[r * width + c] as number);
  }
  return bins;
}
