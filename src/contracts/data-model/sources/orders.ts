import { money, nonNegative, notFuture, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

/** orders.status */
export const ORDER_STATUSES = ['completed', 'cancelled'] as const;
/** orders.channel */
export const ORDER_CHANNELS = ['app', 'mini_program', 'phone', 'sales_rep', 'web'] as const;

export const orders: TableDef = {
  name: 'orders',
  title: 'Orders',
  origin: 'Order management system (OMS)',
  description: 'One row per order placed by a customer; cancelled orders are kept with their status.',
  primaryKey: ['order_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'skip',
  fileAliases: ['order', '订单', '订单明细表头'],
  columns: [
    {
      name: 'order_id',
      type: text,
      required: true,
      description: 'Order number',
      aliases: ['订单编号', '订单号', '单号'],
    },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer who placed the order',
      aliases: ['客户编号', '客户ID', '客户id', '客户代码'],
    },
    {
      name: 'ordered_at',
      type: timestamp,
      required: true,
      checks: [notFuture],
      description: 'When the order was placed (local time of the configured zone unless an offset is given)',
      aliases: ['下单时间', '订单时间', '下单日期'],
    },
    {
      name: 'amount',
      type: money,
      required: true,
      unit: 'yuan',
      checks: [nonNegative],
      description: 'Order value after discounts, VAT included',
      aliases: ['金额', '订单金额', '实付金额', '应付金额'],
    },
    {
      name: 'gross_margin',
      type: money,
      required: false,
      unit: 'yuan',
      description: 'Gross margin of the order (revenue minus cost of goods); may be negative',
      aliases: ['毛利', '毛利额'],
    },
    {
      name: 'status',
      type: oneOf(ORDER_STATUSES, {
        已完成: 'completed',
        完成: 'completed',
        已签收: 'completed',
        已取消: 'cancelled',
        取消: 'cancelled',
      }),
      required: true,
      description: 'completed = delivered and invoiced; cancelled = cancelled before delivery',
      aliases: ['状态', '订单状态'],
    },
    {
      name: 'channel',
      type: oneOf(ORDER_CHANNELS, {
        小程序: 'mini_program',
        电话: 'phone',
        业务员: 'sales_rep',
        网页: 'web',
      }),
      required: false,
      description: 'Where the order was placed',
      aliases: ['渠道', '下单渠道'],
    },
  ],
};
