import { describe, expect, it } from 'vitest';
import { SOURCE_TABLES } from '../../contracts/data-model/sources/index.js';
import { orders } from '../../contracts/data-model/sources/orders.js';
import { customers } from '../../contracts/data-model/sources/customers.js';
import { normalizeName } from './header-names.js';
import { mapHeaders } from './header-mapping.js';
import { EMPTY_MAPPING } from './mapping-file.js';
import { sourceOfFile } from './plan.js';

describe('header mapping', () => {
  it('recognises Chinese aliases, ignoring case, width and whitespace', () => {
    const m = mapHeaders(orders, ['订单编号', ' 客户ＩＤ ', '下单　时间', 'AMOUNT', '状态', '备注']);
    expect(m.columns.map((c) => [c.column.name, c.header])).toEqual([
      ['order_id', '订单编号'],
      ['customer_id', ' 客户ＩＤ '],
      ['ordered_at', '下单　时间'],
      ['amount', 'AMOUNT'],
      ['status', '状态'],
    ]);
    expect(m.ignored).toEqual(['备注']);
    expect(m.missing).toEqual([]);
  });

  it('names the required columns a file lacks', () => {
    expect(mapHeaders(orders, ['订单编号', '金额']).missing).toEqual(['customer_id', 'ordered_at', 'status']);
  });

  it('prefers an explicit mapping, then the column name, then an alias; a second header for a column is ignored', () => {
    const m = mapHeaders(orders, ['单据', '金额', 'amount', 'Order ID'], { 单据: 'order_id' });
    expect(m.columns.map((c) => [c.column.name, c.header])).toEqual([
      ['order_id', '单据'],
      ['amount', 'amount'],
    ]);
    expect(m.ignored).toEqual(['金额', 'Order ID']);
  });

  it('has no alias that names two columns of one table', () => {
    for (const table of SOURCE_TABLES) {
      const seen = new Map<string, string>();
      for (const c of table.columns)
        for (const name of [c.name, ...c.aliases]) {
          const key = normalizeName(name);
          expect(seen.get(key) ?? c.name, `${table.name}: ${name}`).toBe(c.name);
          seen.set(key, c.name);
        }
    }
  });

  it('finds the source of a file from its stem or a file alias', () => {
    expect(sourceOfFile('/x/订单.csv', EMPTY_MAPPING)?.name).toBe('orders');
    expect(sourceOfFile('/x/Customers.XLSX', EMPTY_MAPPING)?.name).toBe('customers');
    expect(sourceOfFile('/x/order_lines.parquet', EMPTY_MAPPING)?.name).toBe('order_lines');
    expect(sourceOfFile('/x/export-2024.csv', EMPTY_MAPPING)).toBeUndefined();
    expect(
      sourceOfFile('/x/export-2024.csv', { files: { 'export-2024.csv': 'customers' }, sources: {} }),
    ).toBe(customers);
  });
});
