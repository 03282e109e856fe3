import { addDays } from '../../contracts/time/iso-date.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';

/** The as-of date of a run started without one: yesterday in `timeZone`, the last complete day. */
export const defaultAsOf = (timeZone: string, now: Date): string =>
  addDays(isoDateIn(timeZone, now.getTime()), -1);
