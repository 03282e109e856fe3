import { z } from 'zod';
import { defaultEnd } from '../../app/generate/generate-options.js';

export const IsoDateOption = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a calendar date',
  );

/** Default as-of date: yesterday, the last complete day in the business time zone. */
export const defaultAsOf = (): string => defaultEnd();

export const AS_OF_HELP =
  'as-of date YYYY-MM-DD: the run sees data up to the end of that day (default: yesterday)';
