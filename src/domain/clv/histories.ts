import { ClvInputError } from './errors.js';

/** Customers' calibration histories, grouped: one row per distinct (x, tx, T), weight = number of customers. */
export interface Histories {
  /** Repeat transactions (frequency). */
  readonly x: Float64Array;
  /** Recency: time of the last repeat purchase since the first purchase. */
  readonly tx: Float64Array;
  /** Age: time from the first purchase to the end of calibration. */
  readonly T: Float64Array;
  /** Customers in the group. */
  readonly weight: Float64Array;
}

/** Repeat buyers' spend (x > 0): zbar = mean value of the x repeat transactions. */
export interface SpendHistories {
  readonly x: Float64Array;
  readonly zbar: Float64Array;
  readonly weight: Float64Array;
}

/**
 * Groups customers with identical (x, tx, T): the likelihood then costs one term per group instead of one per
 * customer, and with times rounded to days a million customers collapse into a few ten thousand groups.
 * Groups are numbered in order of first appearance; groupOf[i] is customer i's group.
 */
export function groupHistories(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
): { histories: Histories; groupOf: Uint32Array } {
  validateCustomers(x, tx, T);
  const n = x.length;
  // Open addressing on the values' bits, growing with the groups (not the customers) so the table stays in cache:
  // several times faster than nested Maps at a million customers.
  let capacity = 1024;
  let table: Int32Array = new Int32Array(capacity).fill(-1);
  const keys = new Float64Array(3 * n); // group g's (x, tx, T) at 3g, 3g+1, 3g+2
  const count = new Float64Array(n);
  const groupOf = new Uint32Array(n);
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const txi = tx[i] as number;
    const Ti = T[i] as number;
    let slot = hash3(xi, txi, Ti) & (capacity - 1);
    let g = table[slot] as number;
    while (g !== -1 && !(keys[3 * g] === xi && keys[3 * g + 1] === txi && keys[3 * g + 2] === Ti)) {
      slot = (slot + 1) & (capacity - 1);
      g = table[slot] as number;
    }
    if (g === -1) {
      g = groups++;
      keys[3 * g] = xi;
      keys[3 * g + 1] = txi;
      keys[3 * g + 2] = Ti;
      table[slot] = g;
      if (2 * groups > capacity) {
        capacity *= 2;
        table = rehash(keys, groups, capacity);
      }
    }
    count[g] = (count[g] as number) + 1;
    groupOf[i] = g;
  }
  const column = (k: number) => Float64Array.from({ length: groups }, (_, g) => keys[3 * g + k] as number);
  const histories = { x: column(0), tx: column(1), T: column(2), weight: count.slice(0, groups) };
  return { histories, groupOf };
}

function rehash(keys: Float64Array, groups: number, capacity: number): Int32Array {
  const table = new Int32Array(capacity).fill(-1);
  for (let g = 0; g < groups; g++) {
    let slot =
      hash3(keys[3 * g] as number, keys[3 * g + 1] as number, keys[3 * g + 2] as number) & (capacity - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (capacity - 1);
    table[slot] = g;
  }
  return table;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function hash3(a: number, b: number, c: number): number {
  return mixIn(mixIn(mixIn(0x811c9dc5, a), b), c) >>> 0;
}

function mixIn(h: number, v: number): number {
  bits[0] = v === 0 ? 0 : v; // −0 and 0 are one value
  h = Math.imul(h ^ (words[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (words[1] as number), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Ungrouped histories: throws ClvInputError naming the first bad customer (index) and field, as validateHistories. */
export function validateCustomers(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): void {
  const n = x.length;
  if (tx.length !== n || T.length !== n)
    throw new ClvInputError(`x, tx and T must have the same length (got ${n}, ${tx.length}, ${T.length})`);
  for (let i = 0; i < n; i++) validateRow(i, x[i] as number, tx[i] as number, T[i] as number, 'customer');
}

/**
 * Throws ClvInputError naming the first bad row and field: x a non-negative integer, 0 ≤ tx ≤ T, T > 0, tx = 0 when
 * x = 0, weight > 0, all finite, and the four arrays of equal length.
 */
export function validateHistories(h: Histories): void {
  const n = h.x.length;
  if (h.tx.length !== n || h.T.length !== n || h.weight.length !== n)
    throw new ClvInputError(
      `x, tx, T and weight must have the same length (got ${n}, ${h.tx.length}, ${h.T.length}, ${h.weight.length})`,
    );
  for (let i = 0; i < n; i++) {
    validateRow(i, h.x[i] as number, h.tx[i] as number, h.T[i] as number, 'row');
    checkWeight(i, h.weight[i] as number);
  }
}

/** Throws ClvInputError naming the first bad row and field: x > 0, zbar > 0, weight > 0, all finite. */
export function validateSpendHistories(s: SpendHistories): void {
  const n = s.x.length;
  if (s.zbar.length !== n || s.weight.length !== n)
    throw new ClvInputError(
      `x, zbar and weight must have the same length (got ${n}, ${s.zbar.length}, ${s.weight.length})`,
    );
  for (let i = 0; i < n; i++) {
    const x = s.x[i] as number;
    const zbar = s.zbar[i] as number;
    if (!(Number.isFinite(x) && x > 0))
      fail(i, 'x', `x must be positive (Gamma-Gamma is fitted on repeat buyers only), got ${x}`, 'row');
    if (!(Number.isFinite(zbar) && zbar > 0))
      fail(i, 'zbar', `zbar must be a positive amount, got ${zbar}`, 'row');
    checkWeight(i, s.weight[i] as number);
  }
}

function validateRow(i: number, x: number, tx: number, T: number, noun: string): void {
  if (!(Number.isInteger(x) && x >= 0)) fail(i, 'x', `x must be a non-negative integer, got ${x}`, noun);
  if (!(Number.isFinite(T) && T > 0)) fail(i, 'T', `T must be positive and finite, got ${T}`, noun);
  if (!(Number.isFinite(tx) && tx >= 0)) fail(i, 'tx', `tx must be non-negative and finite, got ${tx}`, noun);
  if (tx > T) fail(i, 'tx', `tx (${tx}) must not exceed T (${T})`, noun);
  if (x === 0 && tx !== 0) fail(i, 'tx', `tx must be 0 when x = 0, got ${tx}`, noun);
}

function checkWeight(i: number, weight: number): void {
  if (!(Number.isFinite(weight) && weight > 0))
    fail(i, 'weight', `weight must be positive, got ${weight}`, 'row');
}

function fail(i: number, field: string, message: string, noun: string): never {
  throw new ClvInputError(`${noun} ${i}: ${message}`, i, field);
}
