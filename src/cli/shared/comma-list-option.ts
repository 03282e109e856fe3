import { z } from 'zod';

/** A comma-separated option (`--tiers platinum,gold`) as its trimmed, non-empty items. */
export const CommaListOption = z.string().transform((s) =>
  s
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);
