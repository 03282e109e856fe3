import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, fitBinning, MISSING_BIN } from './binning.js';
import { featureMatrix } from './feature-matrix.js';

const column = (values: readonly (number | null)[]) =>
  featureMatrix(
    ['x'],
    values.map((v) => [v]),
  );

describe('fitBinning', () => {
  it('gives each distinct value a bin of its own when there are few, cut halfway between them', () => {
    const { edges } = fitBinning(column([3, 1, 2, 2, 10, null]));
    expect([...(edges[0] as Float64Array)]).toEqual([1.5, 2.5, 6.5]);
  });

  it('cuts many values into at most maxBins bins of about equal counts', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const m = column(values);
    for (const maxBins of [255, 16]) {
      const edges = fitBinning(m, maxBins).edges[0] as Float64Array;
      expect(edges.length).toBe(maxBins - 1);
      const counts = new Array<number>(maxBins).fill(0);
      for (const v of values) counts[binOf(edges, v)]! += 1;
      const expected = values.length / maxBins;
      for (const c of counts) expect(Math.abs(c - expected)).toBeLessThanOrEqual(1.5);
    }
  });

  it('never splits a value across bins: a frequent value fills a bin alone', () => {
    const values = [...Array.from({ length: 900 }, () => 0), ...Array.from({ length: 100 }, (_, i) => i + 1)];
    const edges = fitBinning(column(values), 10).edges[0] as Float64Array;
    expect(edges[0]).toBe(0.5);
    expect(binOf(edges, 0)).toBe(0);
    expect(binOf(edges, 1)).toBe(1);
    expect(edges.length).toBeLessThanOrEqual(9);
  });

  it('gives a column without values no edges: one bin, and missing values their own', () => {
    const m = featureMatrix(
      ['a', 'b'],
      [
        [null, 1],
        [null, 2],
      ],
    );
    const binning = fitBinning(m);
    expect(binning.edges[0]?.length).toBe(0);
    expect([...binMatrix(m, binning)]).toEqual([MISSING_BIN, MISSING_BIN, 0, 1]);
  });
});

describe('binOf', () => {
  it('puts x in bin b exactly when edges[b − 1] < x ≤ edges[b], so a bin split is a raw threshold', () => {
    const edges = Float64Array.from([1.5, 2.5, 6.5]);
    for (const x of [-5, 1, 1.5, 1.6, 2.5, 3, 6.5, 7, 1e300]) {
      const b = binOf(edges, x);
      for (let t = 0; t < edges.length; t++) expect(x <= (edges[t] as number)).toBe(b <= t);
    }
    expect(binOf(edges, NaN)).toBe(MISSING_BIN);
  });
});
