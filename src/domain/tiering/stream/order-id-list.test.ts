import { describe, expect, it } from 'vitest';
import {
  appendOrderId,
  indexOfOrderId,
  insertOrderId,
  orderIdList,
  orderIds,
  removeOrderId,
} from './order-id-list.js';

describe('a customer’s order ids held as one string', () => {
  // Ids that a separator would break: a colon, digits that look like a length, a line break, a prefix of another.
  const ids = ['SO-1', '12:3', '3:abc', 'a\nb', 'SO-10', 'SO-1x'];
  const list = orderIdList(ids);

  it('gives back the ids in order, and finds each at its position', () => {
    expect(orderIds(list)).toEqual(ids);
    ids.forEach((id, i) => expect(indexOfOrderId(list, id)).toBe(i));
    expect(indexOfOrderId(list, 'abc')).toBe(-1);
    expect(indexOfOrderId(list, 'SO-')).toBe(-1);
    expect(indexOfOrderId(orderIdList([]), 'SO-1')).toBe(-1);
  });

  it('inserts and removes at a position, as the held orders do', () => {
    expect(orderIds(insertOrderId(list, 0, 'N'))).toEqual(['N', ...ids]);
    expect(orderIds(insertOrderId(list, 3, 'N'))).toEqual([...ids.slice(0, 3), 'N', ...ids.slice(3)]);
    expect(orderIds(insertOrderId(list, ids.length, 'N'))).toEqual([...ids, 'N']);
    expect(appendOrderId(list, 'N')).toBe(insertOrderId(list, ids.length, 'N'));
    expect(orderIds(removeOrderId(list, 0))).toEqual(ids.slice(1));
    expect(orderIds(removeOrderId(list, 3))).toEqual([...ids.slice(0, 3), ...ids.slice(4)]);
    expect(orderIds(removeOrderId(list, ids.length - 1))).toEqual(ids.slice(0, -1));
  });
});
