import { describe, expect, it } from 'vitest';
import { cdnowCustomers } from '../../../test/fixtures/cdnow/load-cdnow.js';
import { ClvInputError } from './errors.js';
import { logLikelihood } from './fit.js';
import { groupHistories, validateHistories, validateSpendHistories, type Histories } from './histories.js';

const f64 = (...v: number[]) => Float64Array.from(v);

function inputError(run: () => void): ClvInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof ClvInputError) return e;
    throw e;
  }
  throw new Error('expected a ClvInputError');
}

describe('groupHistories', () => {
  it('collapses identical (x, tₓ, T) into weighted groups in order of first appearance', () => {
    const { histories, groupOf } = groupHistories(
      [0, 2, 0, 2, 2, 1],
      [0, 5, 0, 5, 6, 3],
      [10, 10, 10, 10, 10, 9],
    );
    expect(Array.from(histories.x)).toEqual([0, 2, 2, 1]);
    expect(Array.from(histories.tx)).toEqual([0, 5, 6, 3]);
    expect(Array.from(histories.T)).toEqual([10, 10, 10, 9]);
    expect(Array.from(histories.weight)).toEqual([2, 2, 1, 1]);
    expect(Array.from(groupOf)).toEqual([0, 1, 0, 1, 2, 3]);
  });

  it('gives the same log-likelihood grouped and ungrouped, for every model', () => {
    const c = cdnowCustomers();
    const { histories } = groupHistories(c.x, c.tx, c.T);
    const ungrouped: Histories = { x: c.x, tx: c.tx, T: c.T, weight: new Float64Array(c.x.length).fill(1) };
    expect(histories.x.length).toBeLessThan(c.x.length / 2);
    const params = {
      bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      pareto_nbd: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
      mbgnbd: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 },
    };
    for (const kind of ['bgnbd', 'pareto_nbd', 'mbgnbd'] as const) {
      const grouped = logLikelihood(kind, params[kind], histories);
      expect(grouped).toBeCloseTo(logLikelihood(kind, params[kind], ungrouped), 8);
    }
  });

  it('names the first bad customer and field', () => {
    const e = inputError(() => groupHistories([1, 2, 3], [1, 9, 1], [5, 5, 5]));
    expect(e.message).toBe('customer 1: tx (9) must not exceed T (5)');
    expect(e).toMatchObject({ row: 1, field: 'tx' });
  });
});

describe('validateHistories', () => {
  const good = { x: f64(0, 2, 1), tx: f64(0, 4, 3), T: f64(5, 5, 6), weight: f64(1, 3, 2) };

  it('accepts valid histories', () => {
    expect(() => validateHistories(good)).not.toThrow();
  });

  it.each([
    ['x', { x: f64(0, 2.5, 1) }, 1, 'row 1: x must be a non-negative integer, got 2.5'],
    ['x', { x: f64(0, 2, -1) }, 2, 'row 2: x must be a non-negative integer, got -1'],
    ['T', { T: f64(0, 5, 6) }, 0, 'row 0: T must be positive and finite, got 0'],
    ['T', { T: f64(5, 5, Infinity) }, 2, 'row 2: T must be positive and finite, got Infinity'],
    ['tx', { tx: f64(0, NaN, 3) }, 1, 'row 1: tx must be non-negative and finite, got NaN'],
    ['tx', { tx: f64(0, 4, 7) }, 2, 'row 2: tx (7) must not exceed T (6)'],
    ['tx', { tx: f64(1, 4, 3) }, 0, 'row 0: tx must be 0 when x = 0, got 1'],
    ['weight', { weight: f64(1, 0, 2) }, 1, 'row 1: weight must be positive, got 0'],
  ] as const)('rejects a bad %s and names the row', (field, change, row, message) => {
    const e = inputError(() => validateHistories({ ...good, ...change }));
    expect(e.message).toBe(message);
    expect(e).toMatchObject({ row, field });
  });

  it('rejects arrays of different lengths', () => {
    expect(inputError(() => validateHistories({ ...good, T: f64(5, 5) })).message).toMatch(/same length/);
  });

  it('checks spend histories too', () => {
    const e = inputError(() =>
      validateSpendHistories({ x: f64(1, 0), zbar: f64(10, 10), weight: f64(1, 1) }),
    );
    expect(e).toMatchObject({ row: 1, field: 'x' });
    expect(inputError(() => validateSpendHistories({ x: f64(1), zbar: f64(-3), weight: f64(1) })).field).toBe(
      'zbar',
    );
  });
});
