import { dayOf, isoDate } from './calendar.js';
import { Rng } from './prng.js';

/** A treated customer's pre-period purchases, from which its extra post-period orders are drawn. */
export interface TreatedCustomer {
  readonly customerId: string;
  readonly ordersPre: number;
  readonly gmvPre: number;
  readonly marginPre: number;
}

export interface PlantedEffectSpec {
  /** Relative lift of the order rate in the post-period: 0.1 = 10 % more orders, at the customer's usual value. */
  readonly lift: number;
  readonly preDays: number;
  /** Post-period, inclusive. */
  readonly start: string;
  readonly end: string;
  readonly seed: number;
  /** Prefix of the planted orders' ids (unique per experiment). */
  readonly idPrefix: string;
}

export interface PlantedOrder {
  readonly orderId: string;
  readonly customerId: string;
  /** Local time, YYYY-MM-DD HH:MM:SS, as the generator writes orders. */
  readonly orderedAt: string;
  readonly amount: number;
  readonly grossMargin: number;
}

export interface PlantedEffect {
  readonly orders: PlantedOrder[];
  /** The average GMV and margin added per treated customer: the true effect the analysis must recover. */
  readonly gmvPerCustomer: number;
  readonly marginPerCustomer: number;
  /** The expected GMV added per treated customer (lift × pre-period daily GMV × post days). */
  readonly expectedGmvPerCustomer: number;
}

const cents = (yuan: number) => Math.round(yuan * 100) / 100;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A known treatment effect for an experiment on generated data: each treated customer places extra orders in the
 * post-period, a Poisson number with mean lift × its pre-period order rate × the post days, each at its own
 * pre-period average order value (log-normal spread with mean 1) and margin rate. Customers without pre-period
 * orders get none. Deterministic in (seed, customer order).
 */
export function plantEffect(treated: readonly TreatedCustomer[], spec: PlantedEffectSpec): PlantedEffect {
  const first = dayOf(spec.start);
  const postDays = dayOf(spec.end) - first + 1;
  if (!(postDays > 0)) throw new RangeError(`the post-period ${spec.start}..${spec.end} is empty`);
  const orders: PlantedOrder[] = [];
  let gmv = 0;
  let margin = 0;
  let expected = 0;
  treated.forEach((c, index) => {
    if (c.ordersPre <= 0 || c.gmvPre <= 0) return;
    const rng = new Rng(spec.seed, 0x5eed, index);
    const aov = c.gmvPre / c.ordersPre;
    const marginRate = c.marginPre / c.gmvPre;
    expected += (spec.lift * c.gmvPre * postDays) / spec.preDays;
    const count = rng.poisson((spec.lift * c.ordersPre * postDays) / spec.preDays);
    for (let k = 0; k < count; k++) {
      const day = first + Math.floor(rng.next() * postDays);
      const second = 8 * 3600 + Math.floor(rng.next() * 14 * 3600);
      const amount = cents(aov * Math.exp(0.3 * rng.normal() - 0.045));
      const grossMargin = cents(amount * marginRate);
      gmv += amount;
      margin += grossMargin;
      orders.push({
        orderId: `${spec.idPrefix}-${String(orders.length + 1).padStart(6, '0')}`,
        customerId: c.customerId,
        orderedAt: `${isoDate(day)} ${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`,
        amount,
        grossMargin,
      });
    }
  });
  const n = Math.max(treated.length, 1);
  return {
    orders,
    gmvPerCustomer: gmv / n,
    marginPerCustomer: margin / n,
    expectedGmvPerCustomer: expected / n,
  };
}
