/** Customers' purchases by category over the mix window, one entry per (customer, category) bought. */
export interface CategoryBaskets {
  /** Customer index of each entry. */
  readonly customer: Uint32Array;
  /** Category index of each entry. */
  readonly category: Uint32Array;
  readonly value: Float64Array;
  readonly quantity: Float64Array;
}

export interface MixInput {
  readonly customers: number;
  readonly categories: number;
  /** Each customer's peer group (e.g. cuisine), numbered from 0. */
  readonly group: Uint32Array;
  /** Each customer's orders in the window. */
  readonly orders: Float64Array;
  readonly baskets: CategoryBaskets;
  /** κ: the peers' average orders added to every customer's basket; 0 = a customer's own mix alone. */
  readonly pseudoOrders: number;
}

/** Per customer × category, at index customer · categories + category. */
export interface CategoryMix {
  readonly categories: number;
  /** Share of the customer's value in the category; each customer's shares add up to 1. */
  readonly share: Float64Array;
  /** Quantity in the category per unit of the customer's total value (value × this = expected quantity). */
  readonly unitsPerValue: Float64Array;
}

/**
 * Each customer's category mix, shrunk towards the peer group's: κ orders of the group's average basket (value
 * and quantity per order, Σ over members / Σ members' orders) are added to the customer's own basket, so
 *
 *   share_c = (v_c + κ·v̄_c) / (V + κ·V̄),   unitsPerValue_c = (q_c + κ·q̄_c) / (V + κ·V̄).
 *
 * A customer with n orders keeps about n / (n + κ) of their own mix; one without lines in the window gets the
 * group's. A group without orders in the window borrows the average basket of all customers.
 */
export function categoryMix(input: MixInput): CategoryMix {
  const { customers, categories, group, orders, baskets, pseudoOrders: kappa } = input;
  if (!(Number.isFinite(kappa) && kappa >= 0)) throw new RangeError(`pseudoOrders must be ≥ 0, got ${kappa}`);
  if (group.length !== customers || orders.length !== customers)
    throw new RangeError('group and orders need one entry per customer');
  const groups = group.reduce((m, g) => Math.max(m, g + 1), 0);
  const own = {
    value: new Float64Array(customers * categories),
    quantity: new Float64Array(customers * categories),
  };
  const peer = {
    value: new Float64Array((groups + 1) * categories),
    quantity: new Float64Array((groups + 1) * categories),
  };
  const peerOrders = new Float64Array(groups + 1);
  const all = groups; // the last row of `peer` holds every customer
  baskets.customer.forEach((i, e) => {
    const c = baskets.category[e] as number;
    const v = baskets.value[e] as number;
    const q = baskets.quantity[e] as number;
    own.value[i * categories + c] = (own.value[i * categories + c] as number) + v;
    own.quantity[i * categories + c] = (own.quantity[i * categories + c] as number) + q;
    for (const g of [group[i] as number, all]) {
      peer.value[g * categories + c] = (peer.value[g * categories + c] as number) + v;
      peer.quantity[g * categories + c] = (peer.quantity[g * categories + c] as number) + q;
    }
  });
  orders.forEach((n, i) => {
    peerOrders[group[i] as number] = (peerOrders[group[i] as number] as number) + n;
    peerOrders[all] = (peerOrders[all] as number) + n;
  });
  if (!(peerOrders[all]! > 0 && sum(peer.value, all, categories) > 0))
    throw new RangeError('no customer has an order with a positive value in the window');
  const basketOf = (g: number) => (peerOrders[g]! > 0 && sum(peer.value, g, categories) > 0 ? g : all);

  const share = new Float64Array(customers * categories);
  const unitsPerValue = new Float64Array(customers * categories);
  for (let i = 0; i < customers; i++) {
    const g = basketOf(group[i] as number);
    const ownTotal = sum(own.value, i, categories);
    // Without lines of their own, the peers' mix whatever κ (the limit as the own basket vanishes).
    const weight = ownTotal > 0 ? kappa / (peerOrders[g] as number) : 1;
    const total = ownTotal + weight * sum(peer.value, g, categories);
    for (let c = 0; c < categories; c++) {
      const at = i * categories + c;
      share[at] = ((own.value[at] as number) + weight * (peer.value[g * categories + c] as number)) / total;
      unitsPerValue[at] =
        ((own.quantity[at] as number) + weight * (peer.quantity[g * categories + c] as number)) / total;
    }
  }
  return { categories, share, unitsPerValue };
}

function sum(a: Float64Array, row: number, width: number): number {
  let s = 0;
  for (let c = 0; c < width; c++) s += a[row * width + c] as number;
  return s;
}
