import { defaultEnd } from '../../app/generate/generate-options.js';

export { IsoDateSchema as IsoDateOption } from '../../contracts/time/iso-date.js';

/** Default as-of date: yesterday, the last complete day in the business time zone. */
export const defaultAsOf = (): string => defaultEnd();

export const AS_OF_HELP =
  'as-of date YYYY-MM-DD: the run sees data up to the end of that day (default: yesterday)';
