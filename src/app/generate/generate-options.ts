import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/time/iso-date.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';
import { dayOf, isoDate } from '../../domain/generation/calendar.js';
import { CITY_NAMES } from '../../domain/generation/generation-spec.js';

/** Generated timestamps are wall-clock times in this zone. */
export const GENERATION_TIME_ZONE = 'Asia/Shanghai';

/** Yesterday in Asia/Shanghai: the latest day whose rows are all in the past. */
export function defaultEnd(now: Date = new Date()): string {
  return isoDate(dayOf(isoDateIn(GENERATION_TIME_ZONE, now.getTime())) - 1);
}

/**
 * City names as given: a list, or one string separated by commas (`北京,上海`; also `，` and `、`). Unknown names are
 * an error listing the known ones; the result is deduplicated, in the generator's city order.
 */
const CitiesSchema = z.union([z.string(), z.array(z.string())]).transform((input, ctx) => {
  const names = (typeof input === 'string' ? input.split(/[,，、]/) : input)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const unknown = names.filter((n) => !CITY_NAMES.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `${names.length === 0 ? 'no city given' : `unknown city ${unknown.map((n) => `"${n}"`).join(', ')}`} (known: ${CITY_NAMES.join(', ')})`,
    });
    return z.NEVER;
  }
  return CITY_NAMES.filter((n) => names.includes(n));
});

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
  /** About one rep per this many real customers of a city (default 120). */
  customersPerRep: z.coerce.number().int().min(10).max(100_000).optional(),
  /** Generate customers in these cities only (default: all); reps are planned for them alone. */
  cities: CitiesSchema.optional(),
});

export type GenerateOptions = z.output<typeof GenerateOptionsSchema>;
