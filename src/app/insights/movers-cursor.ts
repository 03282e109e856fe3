import { z } from 'zod';
import { stratumError } from '../../contracts/errors.js';

/** Where a page of movers ends: the two runs, the cell asked for and the last customer id. */
export interface MoversCursor {
  readonly from: string;
  readonly to: string;
  readonly fromKey: string | null;
  readonly toKey: string | null;
  readonly id: string;
}

const CursorSchema = z.object({
  f: z.string().min(1),
  t: z.string().min(1),
  a: z.string().nullable(),
  b: z.string().nullable(),
  i: z.string().min(1),
});

/** Opaque to clients: base64url of a small JSON document. */
export function encodeMoversCursor(c: MoversCursor): string {
  const doc = { f: c.from, t: c.to, a: c.fromKey, b: c.toKey, i: c.id };
  return Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url');
}

const invalid = (why: string) => stratumError('INVALID_ARGUMENT', `cursor: ${why}`, { field: 'cursor' });

/**
 * The cursor a client sent back, checked against the request it continues: the same cell, and the same runs where
 * the request names them (a request relying on the defaults continues on the runs the cursor started on).
 */
export function decodeMoversCursor(
  text: string,
  expected: {
    from: string | undefined;
    to: string | undefined;
    fromKey: string | null;
    toKey: string | null;
  },
): MoversCursor {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this API');
  }
  const parsed = CursorSchema.safeParse(doc);
  if (!parsed.success) throw invalid('not a cursor returned by this API');
  const c = parsed.data;
  if (
    (expected.from !== undefined && c.f !== expected.from) ||
    (expected.to !== undefined && c.t !== expected.to) ||
    c.a !== expected.fromKey ||
    c.b !== expected.toKey
  )
    throw invalid('it continues another query (from, to, fromTier, toTier)');
  return { from: c.f, to: c.t, fromKey: c.a, toKey: c.b, id: c.i };
}
