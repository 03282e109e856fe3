import { describe, expect, it } from 'vitest';
import { exportHref, listPath, parseSort, searchFromView, toggleSort, viewFromSearch } from './filters';
import { waterfallStacks, waterfallSteps } from './waterfall';

describe('customer table view in the URL', () => {
  it('reads filters and sort, dropping values the API would refuse', () => {
    const view = viewFromSearch(
      new URLSearchParams('tier=gold&tag=nope&city=北京&scoreMin=abc&scoreMax=80&sort=monetary&x=1'),
    );
    expect(view.filters).toEqual({ tier: 'gold', city: '北京', scoreMax: '80' });
    expect(view.sort).toEqual({ key: 'monetary', direction: 'desc' });
    expect(parseSort('name:desc')).toEqual({ key: 'name', direction: 'desc' });
    expect(parseSort('drop table')).toEqual({ key: 'score', direction: 'desc' });
  });

  it('writes the same view back, leaving out the default sort', () => {
    const filters = { tier: 'gold', q: '老王' } as const;
    expect(searchFromView(filters, { key: 'score', direction: 'desc' }).toString()).toBe(
      'tier=gold&q=%E8%80%81%E7%8E%8B',
    );
    const round = viewFromSearch(searchFromView(filters, { key: 'recency', direction: 'desc' }));
    expect(round).toEqual({ filters, sort: { key: 'recency', direction: 'desc' } });
  });

  it('toggles the direction of the current key and starts another key at its default', () => {
    expect(toggleSort({ key: 'score', direction: 'desc' }, 'score')).toEqual({
      key: 'score',
      direction: 'asc',
    });
    expect(toggleSort({ key: 'score', direction: 'desc' }, 'name')).toEqual({
      key: 'name',
      direction: 'asc',
    });
    expect(toggleSort({ key: 'name', direction: 'asc' }, 'recency')).toEqual({
      key: 'recency',
      direction: 'asc',
    });
  });

  it('asks the API for one page with the sort, limit and cursor', () => {
    expect(listPath({ city: '北京' }, { key: 'name', direction: 'asc' }, 'abc', 50)).toBe(
      '/customers?city=%E5%8C%97%E4%BA%AC&sort=name%3Aasc&limit=50&cursor=abc',
    );
    expect(exportHref({ tier: 'bronze' }, 'run-1')).toBe('/api/v1/export?tier=bronze&format=csv&run=run-1');
  });
});

describe('score waterfall', () => {
  it('stacks running totals and ends with the score', () => {
    const steps = waterfallSteps(
      [
        { label: 'r', contribution: 2 },
        { label: 'f', contribution: -0.5 },
        { label: 'm', contribution: 1.5 },
      ],
      'score',
    );
    expect(steps.map((s) => [s.start, s.end, s.kind])).toEqual([
      [0, 2, 'up'],
      [2, 1.5, 'down'],
      [1.5, 3, 'up'],
      [0, 3, 'total'],
    ]);
    expect(waterfallStacks(steps)).toEqual({
      base: [0, 1.5, 1.5, 0],
      positive: [2, 0.5, 1.5, 3],
      negative: [0, 0, 0, 0],
    });
  });

  it('draws bars below zero and across zero from the right base', () => {
    const steps = waterfallSteps(
      [
        { label: 'a', contribution: -1 },
        { label: 'b', contribution: 3 },
      ],
      'score',
    );
    // a: 0 → -1 hangs from 0; b: -1 → 2 crosses zero (2 above, -1 below); total 0 → 2.
    expect(waterfallStacks(steps)).toEqual({ base: [0, 0, 0], positive: [0, 2, 2], negative: [-1, -1, 0] });
  });
});
