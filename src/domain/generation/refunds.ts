import type { Rng } from './prng.js';

export const REFUND_RATE = 0.025;
export const FULL_REFUND_SHARE = 0.12;
export const HUGE_REFUND_RATE = 0.001;

export interface RefundDraft {
  readonly amountCents: number;
  readonly day: number;
  readonly second: number;
  readonly reason: string;
  /** A refund 5–50× the order amount (a keying error or fraud). */
  readonly huge: boolean;
}

const PARTIAL_REASONS = ['质量问题', '少送', '破损', '错送'];
const PARTIAL_WEIGHTS = [45, 30, 20, 5];
const FULL_REASONS = ['整单退货', '质量问题', '客户拒收'];
const BRUSHING_REASONS = ['取消订单', '拍错了', '不想要了'];

/** A refund of a completed genuine order, or null (most orders). */
export function drawRefund(
  rng: Rng,
  day: number,
  second: number,
  amountCents: number,
  endDay: number,
): RefundDraft | null {
  const u = rng.next();
  if (u >= HUGE_REFUND_RATE + REFUND_RATE) return null;
  const huge = u < HUGE_REFUND_RATE;
  const full = !huge && rng.chance(FULL_REFUND_SHARE);
  const refund = huge
    ? Math.round(amountCents * rng.range(5, 50))
    : full
      ? amountCents
      : Math.min(amountCents, Math.max(100, Math.round(amountCents * rng.range(0.05, 0.6))));
  const reason = full
    ? rng.pick(FULL_REASONS)
    : (PARTIAL_REASONS[rng.weighted(PARTIAL_WEIGHTS)] ?? '质量问题');
  return later(rng, day, second, refund, reason, huge, 3 * 3600, 72 * 3600, endDay);
}

/** The full refund of a brushing order, within two days. */
export function brushingRefund(
  rng: Rng,
  day: number,
  second: number,
  amountCents: number,
  endDay: number,
): RefundDraft | null {
  return later(rng, day, second, amountCents, rng.pick(BRUSHING_REASONS), false, 1800, 47 * 3600, endDay);
}

function later(
  rng: Rng,
  day: number,
  second: number,
  amountCents: number,
  reason: string,
  huge: boolean,
  minDelay: number,
  maxDelay: number,
  endDay: number,
): RefundDraft | null {
  const t = day * 86_400 + second + rng.int(minDelay, maxDelay);
  const refundDay = Math.floor(t / 86_400);
  if (refundDay > endDay || amountCents <= 0) return null;
  return { amountCents, day: refundDay, second: t - refundDay * 86_400, reason, huge };
}
