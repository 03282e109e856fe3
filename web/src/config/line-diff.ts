// A line diff of two configuration versions. The project has no diff library (and the dashboard adds no
// dependency for one screen): configurations are a few hundred lines, so the textbook longest-common-subsequence
// table is small and fast enough, and easy to check.

export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
  /** Line number in the old text (null for an added line). */
  readonly oldLine: number | null;
  /** Line number in the new text (null for a removed line). */
  readonly newLine: number | null;
}

/** Above this many table cells the middle is shown as all removed then all added (still a correct diff). */
const MAX_CELLS = 4_000_000;

const splitLines = (text: string): string[] => {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/**
 * The lines of `before` and `after` as kept, removed or added, in order: a longest common subsequence of the
 * lines is kept, everything else removed or added (removals first within a change). The common head and tail are
 * matched first, so the table only covers the changed middle.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: i + 1 });

  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const n = midA.length;
  const m = midB.length;
  const removed = (i: number): DiffLine => ({
    kind: 'removed',
    text: midA[i]!,
    oldLine: head + i + 1,
    newLine: null,
  });
  const added = (j: number): DiffLine => ({
    kind: 'added',
    text: midB[j]!,
    oldLine: null,
    newLine: head + j + 1,
  });

  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = 0; i < n; i++) out.push(removed(i));
    for (let j = 0; j < m; j++) out.push(added(j));
  } else {
    // lcs[i][j] = length of the LCS of midA[i..] and midB[j..], in one flat array of (n+1)(m+1) cells.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        out.push({ kind: 'same', text: midA[i]!, oldLine: head + i + 1, newLine: head + j + 1 });
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) out.push(removed(i++));
      else out.push(added(j++));
    }
    while (i < n) out.push(removed(i++));
    while (j < m) out.push(added(j++));
  }

  for (let k = tail; k > 0; k--) {
    const oldLine = a.length - k;
    const newLine = b.length - k;
    out.push({ kind: 'same', text: a[oldLine]!, oldLine: oldLine + 1, newLine: newLine + 1 });
  }
  return out;
}

/** A run of diff lines to show, or the number of unchanged lines skipped between two runs. */
export type DiffChunk =
  | { readonly kind: 'lines'; readonly lines: readonly DiffLine[] }
  | { readonly kind: 'skipped'; readonly count: number };

/** The changed lines with `context` unchanged lines around each change; the rest folded into "skipped" chunks. */
export function diffChunks(lines: readonly DiffLine[], context = 3): DiffChunk[] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const chunks: DiffChunk[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    const kept = keep[i];
    while (i < lines.length && keep[i] === kept) i++;
    chunks.push(
      kept ? { kind: 'lines', lines: lines.slice(start, i) } : { kind: 'skipped', count: i - start },
    );
  }
  return chunks;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.kind === 'added') added++;
    else if (l.kind === 'removed') removed++;
  }
  return { added, removed };
}
