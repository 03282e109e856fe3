/** Customers per unit of work: large enough for big writes, small enough to keep memory flat. */
export const CUSTOMERS_PER_BATCH = 500;

export interface Batch {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

export function splitIntoBatches(customers: number, size = CUSTOMERS_PER_BATCH): Batch[] {
  const batches: Batch[] = [];
  for (let from = 0; from < customers; from += size)
    batches.push({ index: batches.length, from, to: Math.min(customers, from + size) });
  return batches;
}
