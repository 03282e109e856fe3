import { describe, expect, it } from 'vitest';
import type { ForecastCell } from '../../contracts/forecast/forecast.js';
import { evaluateHoldout, horizonTotals } from './evaluate-holdout.js';

const cell = (
  week: number,
  category: string,
  city: string,
  model: number,
  actual: number,
  naive: number,
): ForecastCell => ({
  week,
  from: '2024-07-01',
  to: '2024-07-07',
  category,
  city,
  value: model,
  quantity: model / 2,
  newCustomerValue: 0,
  actualValue: actual,
  actualQuantity: actual / 2,
  naiveValue: naive,
  naiveQuantity: naive / 2,
});

describe('evaluateHoldout', () => {
  const cells = [
    cell(1, '肉禽', '上海', 110, 100, 80),
    cell(1, '蔬菜', '上海', 30, 40, 40),
    cell(2, '肉禽', '上海', 90, 100, 80),
    cell(2, '蔬菜', '上海', 50, 40, 40),
  ];
  const e = evaluateHoldout(cells, ['category', 'city']);

  it('scores the horizon on each cell’s total over the weeks', () => {
    // 肉禽 200 vs 200 (naive 160), 蔬菜 80 vs 80 (naive 80): weekly errors cancel out over the horizon.
    expect(e.value.horizon.model).toMatchObject({ cells: 2, mape: 0, wmape: 0, forecast: 280, actual: 280 });
    expect(e.value.horizon.naive.wmape).toBeCloseTo(40 / 280, 12);
    expect(e.value.horizon.naive.mape).toBeCloseTo(0.1, 12);
  });

  it('scores each week on its own cells', () => {
    expect(e.value.byWeek.map((w) => w.week)).toEqual([1, 2]);
    expect(e.value.byWeek[0]?.model.mape).toBeCloseTo((0.1 + 0.25) / 2, 12);
    expect(e.value.byWeek[0]?.model.wmape).toBeCloseTo(20 / 140, 12);
    expect(e.value.byWeek[1]?.naive.wmape).toBeCloseTo(20 / 140, 12);
  });

  it('scores each category, and quantities like values', () => {
    expect(e.value.byCategory.map((c) => [c.category, c.naive.wmape])).toEqual([
      ['肉禽', expect.closeTo(0.2, 12)],
      ['蔬菜', 0],
    ]);
    expect(e.quantity.byWeek[0]?.model.wmape).toBeCloseTo(20 / 140, 12);
    expect(evaluateHoldout(cells, ['city']).value.byCategory).toEqual([]);
  });
});

describe('horizonTotals', () => {
  it('sums each cell over the weeks, keeping only the chosen dimensions', () => {
    const cells = [cell(1, '肉禽', '上海', 110, 100, 80), cell(2, '肉禽', '北京', 90, 100, 80)];
    expect(horizonTotals(cells, ['category'])).toEqual([
      {
        category: '肉禽',
        value: 200,
        quantity: 100,
        newCustomerValue: 0,
        actualValue: 200,
        actualQuantity: 100,
        naiveValue: 160,
        naiveQuantity: 80,
      },
    ]);
    expect(horizonTotals(cells, ['city', 'category']).map((c) => [c.city, c.value])).toEqual([
      ['上海', 110],
      ['北京', 90],
    ]);
  });
});
