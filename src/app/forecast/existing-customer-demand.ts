import { UNKNOWN_CITY, UNTIERED } from '../../contracts/forecast/forecast.js';
import { stratumError } from '../../contracts/errors.js';
import { categoryMix } from '../../domain/forecast/category-mix.js';
import type { DemandRow } from '../../domain/forecast/demand-row.js';
import { expectedDemand } from '../../domain/forecast/expected-demand.js';
import type { Engine } from '../../engines/engine.js';
import { categoryBasketsSql } from '../../sql/forecast/category-baskets-sql.js';
import { customerLabelsSql } from '../../sql/forecast/customer-labels.js';
import type { CustomerValue } from './customer-value.js';
import { Numbering } from './numbering.js';

export interface DemandSplit {
  readonly asOf: string;
  /** The tiering run whose tiers label the customers, or null. */
  readonly runId: string | null;
  /** κ of the category mix's shrinkage (categoryMix): peers' average orders added to each basket. */
  readonly mixPseudoOrders: number;
  /** Days of order lines up to the as-of date the category mix is measured on. */
  readonly mixDays: number;
}

/**
 * The customers' expected weekly value split into categories and quantities by their category mix (shrunk
 * towards their cuisine's), summed per week × category × city × tier.
 */
export async function existingCustomerDemand(
  engine: Engine,
  value: CustomerValue,
  split: DemandSplit,
): Promise<DemandRow[]> {
  const d = engine.dialect;
  const customers = value.customerId.length;
  const index = new Map(value.customerId.map((id, i) => [id, i]));
  const labels = new Map(
    (await engine.all(customerLabelsSql(d, split.runId))).map((row) => [
      String(row.customer_id),
      { city: String(row.city), cuisine: String(row.cuisine), tier: String(row.tier) },
    ]),
  );
  const labelOf = (id: string) => labels.get(id) ?? { city: UNKNOWN_CITY, cuisine: '', tier: UNTIERED };
  const cuisines = new Numbering();
  const segments = new Numbering();
  const group = Uint32Array.from(value.customerId, (id) => cuisines.of(labelOf(id).cuisine));
  const segment = Uint32Array.from(value.customerId, (id) => {
    const l = labelOf(id);
    return segments.of(JSON.stringify([l.city, l.tier]));
  });

  const baskets = (await engine.all(categoryBasketsSql(d, split.asOf, split.mixDays))).filter((b) =>
    index.has(String(b.customer_id)),
  );
  if (baskets.length === 0)
    throw stratumError(
      'NOT_FOUND',
      `there are no order lines in the ${split.mixDays} days up to ${split.asOf}`,
      {
        what: 'order_lines',
        id: split.asOf,
      },
    );
  const customer = Uint32Array.from(baskets, (b) => index.get(String(b.customer_id)) as number);
  const orders = new Float64Array(customers);
  baskets.forEach((b, e) => (orders[customer[e] as number] = Number(b.orders)));
  const categories = new Numbering();
  const category = Uint32Array.from(baskets, (b) => categories.of(String(b.category)));
  const mix = categoryMix({
    customers,
    categories: categories.size,
    group,
    orders,
    baskets: {
      customer,
      category,
      value: Float64Array.from(baskets, (b) => Number(b.value)),
      quantity: Float64Array.from(baskets, (b) => Number(b.quantity)),
    },
    pseudoOrders: split.mixPseudoOrders,
  });

  const demand = expectedDemand({ weeklyValue: value.weeklyValue, segment, segments: segments.size, mix });
  const rows: DemandRow[] = [];
  segments.names.forEach((key, g) => {
    const [city, tier] = JSON.parse(key) as [string, string];
    categories.names.forEach((category, c) => {
      for (let k = 0; k < demand.weeks; k++) {
        const at = (k * demand.segments + g) * demand.categories + c;
        const v = demand.value[at] as number;
        const quantity = demand.quantity[at] as number;
        if (v !== 0 || quantity !== 0) rows.push({ week: k + 1, category, city, tier, value: v, quantity });
      }
    });
  });
  return rows;
}
