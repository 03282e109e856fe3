import type { LogisticModel } from '../../contracts/churn/model.js';
import { columnsOf, type FeatureMatrix } from './feature-matrix.js';

/** How raw features become the standardised design columns of a logistic model (see LogisticModelSchema). */
export type Design = Pick<
  LogisticModel,
  'features' | 'transform' | 'medians' | 'indicators' | 'means' | 'scales'
>;

const transformOf = (kind: LogisticModel['transform']): ((v: number) => number) =>
  kind === 'asinh' ? Math.asinh : (v) => v;

/**
 * The design columns before standardisation, column-major (`out[column * rows + row]`): each feature imputed
 * by its median and transformed, then a 0/1 indicator per feature flagged in `indicators`.
 */
export function rawDesign(design: Omit<Design, 'means' | 'scales'>, x: FeatureMatrix): Float64Array[] {
  const columns = columnsOf(x, design.features);
  const width = x.names.length;
  const transform = transformOf(design.transform);
  const values: Float64Array[] = [];
  const missing: Float64Array[] = [];
  design.features.forEach((_, j) => {
    const v = new Float64Array(x.rows);
    const m = new Float64Array(x.rows);
    const median = design.medians[j] as number;
    for (let r = 0; r < x.rows; r++) {
      const raw = x.values[r * width + (columns[j] as number)] as number;
      m[r] = Number.isNaN(raw) ? 1 : 0;
      v[r] = transform(Number.isNaN(raw) ? median : raw);
    }
    values.push(v);
    if (design.indicators[j]) missing.push(m);
  });
  return [...values, ...missing];
}

/** Standardised design columns: (v − mean) / scale, or 0 where the scale is 0 (a column constant in training). */
export function standardised(
  raw: readonly Float64Array[],
  means: readonly number[],
  scales: readonly number[],
) {
  return raw.map((column, c) => {
    const [mean, scale] = [means[c] as number, scales[c] as number];
    return column.map((v) => (scale > 0 ? (v - mean) / scale : 0));
  });
}

/** Median of the present values of each column (0 for a column without any) and whether any is missing. */
export function imputation(x: FeatureMatrix): { medians: number[]; indicators: boolean[] } {
  const width = x.names.length;
  const medians: number[] = [];
  const indicators: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const present: number[] = [];
    for (let r = 0; r < x.rows; r++) {
      const v = x.values[r * width + c] as number;
      if (!Number.isNaN(v)) present.push(v);
    }
    const sorted = Float64Array.from(present).sort();
    const mid = sorted.length >> 1;
    medians.push(
      sorted.length === 0
        ? 0
        : sorted.length % 2
          ? (sorted[mid] as number)
          : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2,
    );
    indicators.push(present.length < x.rows);
  }
  return { medians, indicators };
}

/** Mean and population standard deviation of each column; the scale is 0 for a constant column. */
export function moments(raw: readonly Float64Array[]): { means: number[]; scales: number[] } {
  const means = raw.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
  const scales = raw.map((c, i) => {
    const mean = means[i] as number;
    const sd = Math.sqrt(c.reduce((s, v) => s + (v - mean) ** 2, 0) / c.length);
    return sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 0;
  });
  return { means, scales };
}
