import { describe, expect, it } from 'vitest';
import type { DemandRow } from './demand-row.js';
import { forecastCells, weekTotals } from './forecast-cells.js';

const row = (week: number, category: string, city: string, tier: string, value: number): DemandRow => ({
  week,
  category,
  city,
  tier,
  value,
  quantity: value / 10,
});

const existing = [
  row(1, '肉禽', '上海', 'A', 100),
  row(1, '肉禽', '北京', 'B', 50),
  row(1, '蔬菜', '上海', 'A', 30),
  row(2, '肉禽', '上海', 'A', 90),
];
const newCustomers = [row(1, '肉禽', '上海', 'untiered', 5)];

describe('forecastCells', () => {
  it('sums rows into week × the chosen dimensions, with the week’s dates', () => {
    const cells = forecastCells(['category'], '2024-06-30', 2, { existing, newCustomers });
    expect(cells).toEqual([
      {
        week: 1,
        from: '2024-07-01',
        to: '2024-07-07',
        category: '肉禽',
        value: 155,
        quantity: 15.5,
        newCustomerValue: 5,
      },
      {
        week: 1,
        from: '2024-07-01',
        to: '2024-07-07',
        category: '蔬菜',
        value: 30,
        quantity: 3,
        newCustomerValue: 0,
      },
      {
        week: 2,
        from: '2024-07-08',
        to: '2024-07-14',
        category: '肉禽',
        value: 90,
        quantity: 9,
        newCustomerValue: 0,
      },
    ]);
  });

  it('lists every cell of any source in a holdout, with 0 where a source has none', () => {
    const cells = forecastCells(['city', 'tier'], '2024-06-30', 1, {
      existing,
      newCustomers: [],
      holdout: { actual: [row(1, '肉禽', '广州', 'C', 7)], naive: [row(1, '蔬菜', '上海', 'A', 20)] },
    });
    expect(cells.map((c) => [c.city, c.tier, c.value, c.actualValue, c.naiveValue])).toEqual([
      ['上海', 'A', 130, 0, 20],
      ['北京', 'B', 50, 0, 0],
      ['广州', 'C', 0, 7, 0],
    ]);
    expect(cells[0]).not.toHaveProperty('category');
  });

  it('ignores rows outside the horizon', () => {
    expect(forecastCells([], '2024-06-30', 1, { existing, newCustomers })).toEqual([
      expect.objectContaining({ week: 1, value: 185 }),
    ]);
  });
});

describe('weekTotals', () => {
  it('adds up the cells of each week, listing weeks without cells at 0', () => {
    const cells = forecastCells(['category', 'city', 'tier'], '2024-06-30', 3, { existing, newCustomers });
    const totals = weekTotals(cells, '2024-06-30', 3, false);
    expect(totals.map((t) => [t.week, t.value, t.newCustomerValue])).toEqual([
      [1, 185, 5],
      [2, 90, 0],
      [3, 0, 0],
    ]);
    expect(totals[2]).toMatchObject({ from: '2024-07-15', to: '2024-07-21' });
  });
});
