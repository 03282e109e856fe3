import { describe, expect, it } from 'vitest';
import { StratumError } from '../../contracts/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const field = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof StratumError ? [e.code, (e.details as { field: string }).field] : ['?', String(e)];
  }
  return ['no error', ''];
};

describe('page cursors', () => {
  it('round-trip the run, sort, value and id as opaque base64url text', () => {
    const c = {
      runId: 'run-1',
      sort: 'name',
      direction: 'asc',
      value: '老王烧烤, "总店"',
      id: 'C000123',
    } as const;
    const text = encodeCursor(c);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, 'name', 'asc')).toEqual(c);
    const n = { runId: 'run-1', sort: 'score', direction: 'desc', value: -1e300, id: 'C9' } as const;
    expect(decodeCursor(encodeCursor(n), 'score', 'desc')).toEqual(n);
  });

  it('refuse garbage, another sort or direction and a value of the wrong type, naming the cursor field', () => {
    const score = encodeCursor({ runId: 'r', sort: 'score', direction: 'desc', value: 3, id: 'C1' });
    const forged = Buffer.from(
      JSON.stringify({ r: 'r', s: 'score', d: 'desc', v: "1' OR 1=1", i: 'C1' }),
    ).toString('base64url');
    for (const f of [
      () => decodeCursor('%%%', 'score', 'desc'),
      () => decodeCursor(Buffer.from('[1,2]').toString('base64url'), 'score', 'desc'),
      () => decodeCursor(score, 'name', 'desc'),
      () => decodeCursor(score, 'score', 'asc'),
      () => decodeCursor(forged, 'score', 'desc'),
    ])
      expect(field(f)).toEqual(['INVALID_ARGUMENT', 'cursor']);
  });
});
