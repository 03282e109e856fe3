import { z } from 'zod';
import { stratumError } from '../../contracts/errors.js';
import {
  SORT_KEYS,
  sortKeyIsText,
  type SortDirection,
  type SortKey,
} from '../../sql/api/customers/list-customers-sql.js';

/** Where a page ends: the run, the sort, and the sort value and id of its last row. */
export interface PageCursor {
  readonly runId: string;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  readonly value: string | number;
  readonly id: string;
}

const CursorSchema = z.object({
  r: z.string().min(1),
  s: z.enum(SORT_KEYS),
  d: z.enum(['asc', 'desc']),
  v: z.union([z.string(), z.number().finite()]),
  i: z.string().min(1),
});

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(c: PageCursor): string {
  const doc = { r: c.runId, s: c.sort, d: c.direction, v: c.value, i: c.id };
  return Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url');
}

const invalid = (why: string) => stratumError('INVALID_ARGUMENT', `cursor: ${why}`, { field: 'cursor' });

/** The cursor sent back by a client, checked against the sort it is used with. */
export function decodeCursor(text: string, sort: SortKey, direction: SortDirection): PageCursor {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this API');
  }
  const parsed = CursorSchema.safeParse(doc);
  if (!parsed.success) throw invalid('not a cursor returned by this API');
  const c = parsed.data;
  if (c.s !== sort || c.d !== direction)
    throw invalid(`it continues sort=${c.s}:${c.d}, not ${sort}:${direction}`);
  if ((typeof c.v === 'string') !== sortKeyIsText(sort)) throw invalid('its sort value has the wrong type');
  return { runId: c.r, sort: c.s, direction: c.d, value: c.v, id: c.i };
}
