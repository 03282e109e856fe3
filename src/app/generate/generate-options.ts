import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/time/iso-date.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';
import { dayOf, isoDate } from '../../domain/generation/calendar.js';

/** Generated timestamps are wall-clock times in this zone. */
export const GENERATION_TIME_ZONE = 'Asia/Shanghai';

/** Yesterday in Asia/Shanghai: the latest day whose rows are all in the past. */
export function defaultEnd(now: Date = new Date()): string {
  return isoDate(dayOf(isoDateIn(GENERATION_TIME_ZONE, now.getTime())) - 1);
}

/** Options of `stratum generate` and `generateDataset`; numbers may come in as command-line strings. */
export const GenerateOptionsSchema = z.object({
  customers: z.coerce.number().int().min(1).max(2_000_000),
  seed: z.coerce.number().int().min(0).max(4_294_967_295),
  months: z.coerce.number().int().min(3).max(120),
  out: z.string().min(1),
  /** Last day of the history (default: yesterday in Asia/Shanghai); must not be later than that. */
  end: IsoDateSchema.optional(),
  /** Worker threads (default: one per core; 0 = generate on the calling thread). Never changes the output. */
  workers: z.coerce.number().int().min(0).max(64).optional(),
});

export type GenerateOptions = z.output<typeof GenerateOptionsSchema>;
