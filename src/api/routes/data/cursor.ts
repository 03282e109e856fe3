import type { z } from 'zod';
import { stratumError } from '../../../contracts/errors.js';

/** An opaque page cursor: the position's key as base64url JSON. */
export const encodeCursor = (key: unknown): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key of a cursor this server handed out; anything else is INVALID_ARGUMENT naming `cursor`. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw stratumError('INVALID_ARGUMENT', 'cursor: not a cursor from a previous page', { field: 'cursor' });
  return parsed.data;
}
