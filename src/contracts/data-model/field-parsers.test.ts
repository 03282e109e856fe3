import { describe, expect, it } from 'vitest';
import { parseDateRange, parseTextList } from './field-parsers.js';

describe('parseTextList', () => {
  it.each([
    ['朝阳区;东城区', ['朝阳区', '东城区']],
    ['chain, 川菜 ,粤语', ['chain', '川菜', '粤语']],
    ['川菜，粤菜；火锅', ['川菜', '粤菜', '火锅']],
    ['川菜、粤菜|English', ['川菜', '粤菜', 'English']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    ['川菜;;川菜; ', ['川菜']],
    ['["chain","川菜"]', ['chain', '川菜']],
    [' ; ', []],
  ])('splits %j', (raw, items) => {
    expect(parseTextList(raw)).toEqual({ ok: true, value: items });
  });

  it('rejects a broken JSON list or one of non-texts', () => {
    expect(parseTextList('["a",')).toEqual({ ok: false, reason: '"["a"," is not a JSON list' });
    expect(parseTextList('[1,2]')).toEqual({ ok: false, reason: '"[1,2]" is not a list of texts' });
  });
});

describe('parseDateRange', () => {
  it('reads YYYY-MM-DD..YYYY-MM-DD, from ≤ to', () => {
    expect(parseDateRange('2025-07-01..2025-07-05')).toEqual({
      ok: true,
      value: { from: '2025-07-01', to: '2025-07-05' },
    });
    expect(parseDateRange(' 2024-02-29..2024-02-29 ')).toEqual({
      ok: true,
      value: { from: '2024-02-29', to: '2024-02-29' },
    });
  });

  it.each([
    ['2025-07-05..2025-07-01', '"2025-07-05..2025-07-01" ends before it starts'],
    ['2025-02-29..2025-03-01', '"2025-02-29..2025-03-01": 2025-02-29 is not a valid calendar date'],
    ['2025-7-1..2025-7-5', '"2025-7-1..2025-7-5" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)'],
    [
      '2025-07-01 .. 2025-07-05',
      '"2025-07-01 .. 2025-07-05" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)',
    ],
    [
      '2025-07-01~2025-07-05',
      '"2025-07-01~2025-07-05" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)',
    ],
  ])('rejects %j', (raw, reason) => {
    expect(parseDateRange(raw)).toEqual({ ok: false, reason });
  });
});
