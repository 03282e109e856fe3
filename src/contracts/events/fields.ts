import { z } from 'zod';

/**
 * Field schemas shared by the event contracts. Messages come from other systems (the OMS, the ERP, a CRM), so
 * every field says what is wrong in words a producer can act on; parse.ts prefixes them with the field's path.
 */

export const MAX_ID_LENGTH = 128;

/** The message of a wrong type: "is required" when the field is missing, else what it must be. */
export const expected =
  (what: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'is required' : `must be ${what}`;

/** Ids (event, customer, order, invoice…): trimmed like imported cells, non-empty, at most 128 characters. */
export const IdSchema = z
  .string({ error: expected('a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`);

/** A point in time: ISO 8601 with a UTC offset or Z (2026-03-01T09:30:00+08:00), never a bare wall-clock time. */
export const InstantSchema = z.iso.datetime({
  offset: true,
  error: expected('an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00+08:00'),
});

/** A calendar date, YYYY-MM-DD. */
export const CalendarDateSchema = z.iso.date({ error: expected('a date YYYY-MM-DD') });

/**
 * Money in yuan beyond which a value is refused: DECIMAL(18,2) holds more, but a JavaScript number is exact to
 * the cent only below about 9e13, and no single order of a restaurant comes near a trillion yuan.
 */
export const MAX_MONEY = 1e12;

const DECIMAL_TEXT = /^-?\d+(\.\d{1,2})?$/;

/**
 * Money in yuan: a JSON number, or a decimal string for producers that keep money as text ("1234.50"); at most
 * two decimals, finite, |x| ≤ MAX_MONEY. The output is a number whose toFixed(2) is the exact amount.
 */
function money(sign: 'signed' | 'nonNegative' | 'positive') {
  return z
    .custom<number | string>((v) => typeof v === 'number' || typeof v === 'string', {
      error: expected('a number of yuan'),
    })
    .transform((input, ctx): number => {
      const value = typeof input === 'number' ? input : DECIMAL_TEXT.test(input) ? Number(input) : NaN;
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (!Number.isFinite(value))
        return fail(`${typeof input === 'string' ? JSON.stringify(input) : input} is not a number of yuan`);
      // toFixed(2) rounds to the cent in decimal: a value with more decimals does not survive the round trip.
      if (Number(value.toFixed(2)) !== value) return fail(`${value} has more than 2 decimals`);
      if (Math.abs(value) > MAX_MONEY) return fail(`${value} is above ${MAX_MONEY}`);
      if (sign === 'nonNegative' && value < 0) return fail(`${value} is negative`);
      if (sign === 'positive' && value <= 0) return fail(`${value} is not positive`);
      return value === 0 ? 0 : value; // no -0
    });
}

/** Order and invoice amounts. */
export const MoneySchema = money('nonNegative');
/** Refunds: a refund of nothing is not a refund. */
export const PositiveMoneySchema = money('positive');
/** Gross margin: negative when an order sold below cost. */
export const SignedMoneySchema = money('signed');
