import { describe, expect, it } from 'vitest';
import { diffChunks, diffStats, lineDiff } from './line-diff';

const kinds = (before: string, after: string) =>
  lineDiff(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

/** Applying the diff must give back both texts: the kept and removed lines are `before`, kept and added `after`. */
function roundTrip(before: string, after: string) {
  const d = lineDiff(before, after);
  const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  expect(d.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(lines(before));
  expect(d.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(lines(after));
  // Line numbers count up by one in each text.
  expect(d.flatMap((l) => (l.oldLine === null ? [] : [l.oldLine]))).toEqual(
    lines(before).map((_, i) => i + 1),
  );
  expect(d.flatMap((l) => (l.newLine === null ? [] : [l.newLine]))).toEqual(
    lines(after).map((_, i) => i + 1),
  );
}

describe('lineDiff', () => {
  it('keeps equal texts whole', () => {
    expect(kinds('a\nb\n', 'a\nb\n')).toEqual([' a', ' b']);
    expect(diffStats(lineDiff('a\nb', 'a\nb'))).toEqual({ added: 0, removed: 0 });
  });

  it('shows a changed line as removed then added, between kept lines', () => {
    expect(kinds('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
  });

  it('finds the longest common subsequence in the changed middle', () => {
    // LCS of ABCBDAB and BDCABA has length 4.
    const before = 'A\nB\nC\nB\nD\nA\nB';
    const after = 'B\nD\nC\nA\nB\nA';
    const d = lineDiff(before, after);
    expect(d.filter((l) => l.kind === 'same')).toHaveLength(4);
    roundTrip(before, after);
  });

  it('handles empty texts, CRLF and a missing final newline', () => {
    expect(kinds('', 'x\ny')).toEqual(['+x', '+y']);
    expect(kinds('x\ny\n', '')).toEqual(['-x', '-y']);
    expect(kinds('a\r\nb\r\n', 'a\nb')).toEqual([' a', ' b']);
  });

  it('round-trips random edits of a configuration', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 50; run++) {
      const before = Array.from({ length: 30 + rand(30) }, () => `key${rand(8)}: ${rand(4)}`);
      const after = [...before];
      for (let e = 0; e < 6; e++) {
        const at = rand(after.length + 1);
        if (rand(2) === 0) after.splice(at, 1);
        else after.splice(at, 0, `new${rand(5)}: ${rand(3)}`);
      }
      roundTrip(before.join('\n'), after.join('\n'));
    }
  });
});

describe('diffChunks', () => {
  it('folds unchanged lines away from the changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const chunks = diffChunks(lineDiff(before, after), 2);
    expect(chunks.map((c) => (c.kind === 'skipped' ? c.count : c.lines.length))).toEqual([7, 6, 8]);
    expect(chunks[0]).toEqual({ kind: 'skipped', count: 7 });
  });
});
