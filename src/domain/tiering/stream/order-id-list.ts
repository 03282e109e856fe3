/**
 * The ids of a customer's held orders as ONE string, `<length>:<id>` after another, in the order of its held
 * orders. A worker holds about a million orders, and a string for each id made its heap a tenth larger and its full
 * collections, which stall it, a sixth longer (docs/benchmarks.md, the event stream's fifth look). Ids may hold any
 * character, hence lengths rather than a separator. Only refunds and cancellations look an id up and a new order
 * inserts one (usually last), so a walk over a customer's few dozen entries is cheap enough.
 */
export type OrderIdList = string;

const entry = (id: string): string => `${id.length}:${id}`;

// Joined, not concatenated with +: a join makes one flat string, where + makes a tree of a string per part (and
// slices keep the string they were cut from), which would bring back the objects this saves.
export const orderIdList = (ids: Iterable<string>): OrderIdList => Array.from(ids, entry).join('');

/** The offset where the entry after the one starting at `offset` starts. */
function nextOffset(list: OrderIdList, offset: number): number {
  const colon = list.indexOf(':', offset);
  return colon + 1 + Number(list.slice(offset, colon));
}

/** The offset of entry `index` (the list's length for index = the number of entries). */
function offsetOf(list: OrderIdList, index: number): number {
  let offset = 0;
  for (let n = 0; n < index; n++) offset = nextOffset(list, offset);
  return offset;
}

/** The position of `id` in the list, or -1. */
export function indexOfOrderId(list: OrderIdList, id: string): number {
  const wanted = entry(id);
  for (let offset = 0, n = 0; offset < list.length; offset = nextOffset(list, offset), n++)
    if (list.startsWith(wanted, offset)) return n;
  return -1;
}

export const appendOrderId = (list: OrderIdList, id: string): OrderIdList => [list, entry(id)].join('');

export function insertOrderId(list: OrderIdList, index: number, id: string): OrderIdList {
  const offset = offsetOf(list, index);
  return [list.slice(0, offset), entry(id), list.slice(offset)].join('');
}

export function removeOrderId(list: OrderIdList, index: number): OrderIdList {
  const offset = offsetOf(list, index);
  return [list.slice(0, offset), list.slice(nextOffset(list, offset))].join('');
}

/** The list read back as its ids, in order (what tests compare). */
export function orderIds(list: OrderIdList): string[] {
  const ids: string[] = [];
  for (let offset = 0, end = 0; offset < list.length; offset = end) {
    end = nextOffset(list, offset);
    ids.push(list.slice(list.indexOf(':', offset) + 1, end));
  }
  return ids;
}
