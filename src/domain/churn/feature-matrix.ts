/** Rows of numeric features, row-major (`values[row * names.length + column]`); NaN is a missing value. */
export interface FeatureMatrix {
  readonly names: readonly string[];
  readonly rows: number;
  readonly values: Float64Array;
}

/** Rows with their 0/1 outcomes. */
export interface LabelledRows {
  readonly x: FeatureMatrix;
  /** 1 = positive (churned), 0 = negative. */
  readonly y: ArrayLike<number>;
}

/** A matrix of plain rows; null, undefined and NaN are missing. */
export function featureMatrix(
  names: readonly string[],
  rows: readonly (readonly (number | null | undefined)[])[],
): FeatureMatrix {
  const values = new Float64Array(rows.length * names.length);
  rows.forEach((row, r) => {
    if (row.length !== names.length)
      throw new Error(`row ${r} has ${row.length} values for ${names.length} features`);
    row.forEach((v, c) => (values[r * names.length + c] = v ?? NaN));
  });
  return { names, rows: rows.length, values };
}

/** The rows at `indices`, in that order. */
export function selectRows(m: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const width = m.names.length;
  const values = new Float64Array(indices.length * width);
  for (let i = 0; i < indices.length; i++) {
    const from = (indices[i] as number) * width;
    values.set(m.values.subarray(from, from + width), i * width);
  }
  return { names: m.names, rows: indices.length, values };
}

/** One matrix of the rows of several with the same columns, in order. */
export function stackRows(parts: readonly FeatureMatrix[]): FeatureMatrix {
  const first = parts[0];
  if (!first) throw new Error('nothing to stack');
  for (const p of parts)
    if (p.names.join('\u0000') !== first.names.join('\u0000')) throw new Error('columns differ');
  const values = new Float64Array(parts.reduce((n, p) => n + p.values.length, 0));
  let at = 0;
  for (const p of parts) {
    values.set(p.values, at);
    at += p.values.length;
  }
  return { names: first.names, rows: values.length / first.names.length, values };
}

/**
 * For each of `names`, its column in `m`: a model reads its features by name, so a matrix with the columns in
 * another order (or extra ones) is read right; a missing one is an error.
 */
export function columnsOf(m: FeatureMatrix, names: readonly string[]): Int32Array {
  const index = new Map(m.names.map((n, i) => [n, i]));
  return Int32Array.from(names, (n) => {
    const i = index.get(n);
    if (i === undefined) throw new Error(`the feature matrix has no column ${n}`);
    return i;
  });
}
