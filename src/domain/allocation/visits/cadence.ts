import type { ContactKind } from '../../../contracts/allocation/week-plan.js';

/**
 * Which customers are due in a week. A customer promised `visitsPerMonth` visits gets them at the steady rate
 * f = visitsPerMonth × 12 / 52 a week, offset by a phase φ ∈ [0, 1) taken from a hash of its id: in absolute
 * week w it is due floor((w + 1)·f + φ) − floor(w·f + φ) times. The counts telescope, so any run of weeks gets
 * its share within one visit (no drift), the spacing is as even as whole weeks allow (4 a month ≈ weekly,
 * 2 every other week, 1 about every fourth week, 8 about twice a week), and the phases spread customers of the
 * same rate evenly over the weeks. Phone-only customers (0 visits a month) get calls at PHONE_CALLS_PER_MONTH
 * by the same rule.
 */

export const PHONE_CALLS_PER_MONTH = 1;

/** 32-bit FNV-1a of the UTF-8 bytes of a string. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** MurmurHash3's 32-bit finaliser: every input bit flips each output bit with probability about ½. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A customer's stable phase in [0, 1): FNV-1a of its id, finalised. Plain FNV-1a spreads ids that differ in the
 * last character (C0001, C0002…) over only a small part of the high bits, which would bunch their visits.
 */
export const cadencePhase = (customerId: string): number => fmix32(fnv1a32(customerId)) / 2 ** 32;

/** Contacts per week for a monthly promise. */
export const weeklyRate = (perMonth: number): number => (perMonth * 12) / 52;

/** How many contacts fall in absolute week `week` at `perMonth` a month with phase `phase`. */
export function contactsInWeek(perMonth: number, phase: number, week: number): number {
  const f = weeklyRate(perMonth);
  return Math.floor((week + 1) * f + phase) - Math.floor(week * f + phase);
}

/** How a customer is served: visits at its promised rate, or phone calls when it is promised none. */
export function cadenceOf(visitsPerMonth: number): { kind: ContactKind; perMonth: number } {
  return visitsPerMonth > 0
    ? { kind: 'visit', perMonth: visitsPerMonth }
    : { kind: 'call', perMonth: PHONE_CALLS_PER_MONTH };
}

export interface DueContact<C> {
  readonly customer: C;
  readonly kind: ContactKind;
  /** Contacts this week (≥ 1). */
  readonly count: number;
}

/** The customers due in absolute week `week` (see weekIndex), in input order, with how often. */
export function dueInWeek<C extends { readonly id: string; readonly visitsPerMonth: number }>(
  customers: readonly C[],
  week: number,
): DueContact<C>[] {
  const due: DueContact<C>[] = [];
  for (const customer of customers) {
    const { kind, perMonth } = cadenceOf(customer.visitsPerMonth);
    const count = contactsInWeek(perMonth, cadencePhase(customer.id), week);
    if (count > 0) due.push({ customer, kind, count });
  }
  return due;
}
