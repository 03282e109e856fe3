import { describe, expect, it } from 'vitest';
import type { DemandRow } from './demand-row.js';
import { naiveForecast, replayWeeks } from './from-history.js';

const row = (week: number, category: string, value: number, quantity = value / 10): DemandRow => ({
  week,
  category,
  city: 'C',
  tier: 'A',
  value,
  quantity,
});

describe('naiveForecast', () => {
  it('expects each cell’s mean week of the last `weeks` weeks in each week ahead', () => {
    // Week −2 falls outside a 2-week window; 蔬菜 bought in one week of two averages half of it.
    const history = [row(-2, '蔬菜', 1000), row(-1, '蔬菜', 100), row(0, '蔬菜', 300), row(0, '肉禽', 50)];
    const naive = naiveForecast(history, 2);
    expect(naive).toHaveLength(4);
    expect(naive.filter((r) => r.category === '蔬菜')).toEqual([
      { ...row(1, '蔬菜', 200), quantity: expect.closeTo(20, 12) },
      { ...row(2, '蔬菜', 200), quantity: expect.closeTo(20, 12) },
    ]);
    expect(naive.filter((r) => r.category === '肉禽').map((r) => [r.week, r.value])).toEqual([
      [1, 25],
      [2, 25],
    ]);
  });
});

describe('replayWeeks', () => {
  it('moves the last `weeks` weeks ahead by `weeks`', () => {
    const replayed = replayWeeks(
      [row(-3, 'x', 1), row(-2, 'x', 2), row(-1, 'x', 3), row(0, 'x', 4), row(1, 'x', 9)],
      3,
    );
    expect(replayed.map((r) => [r.week, r.value])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});
