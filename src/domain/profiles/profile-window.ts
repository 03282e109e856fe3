import { parseArgument } from '../../contracts/errors.js';
import { ProfileOptionsSchema, type ProfileOptions } from '../../contracts/profiles/purchase-profile.js';
import { addDays } from '../../contracts/time/iso-date.js';

/** The days a profile reads: the window [from, to] and the window of the same length just before it. */
export interface ProfileWindow {
  readonly days: number;
  /** First day of the window. */
  readonly from: string;
  /** Last day of the window: the as-of date. */
  readonly to: string;
  /** First day of the previous window, which ends the day before `from`. */
  readonly previousFrom: string;
}

/** Validates the options (INVALID_ARGUMENT naming the field) and derives the window's days. */
export function profileWindow(options: ProfileOptions): ProfileWindow {
  const { asOf, days } = parseArgument(ProfileOptionsSchema, options, 'profile option');
  return { days, from: addDays(asOf, 1 - days), to: asOf, previousFrom: addDays(asOf, 1 - 2 * days) };
}
