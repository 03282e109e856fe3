import { money, notFuture, positive, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const refunds: TableDef = {
  name: 'refunds',
  title: 'Returns and refunds',
  origin: 'After-sales system',
  description:
    'Money returned to a customer against an order (goods returned, short delivery, quality claims).',
  primaryKey: ['refund_id'],
  foreignKeys: [{ columns: ['order_id'], table: 'orders', refColumns: ['order_id'] }],
  onExistingKey: 'skip',
  fileAliases: ['refund', 'returns', '退款', '退货', '退货退款'],
  columns: [
    {
      name: 'refund_id',
      type: text,
      required: true,
      description: 'Refund number',
      aliases: ['退款编号', '退款单号', '退货单号'],
    },
    {
      name: 'order_id',
      type: text,
      required: true,
      description: 'Order refunded',
      aliases: ['订单编号', '订单号', '原订单号'],
    },
    {
      name: 'refunded_at',
      type: timestamp,
      required: true,
      checks: [notFuture],
      description: 'When the refund was booked',
      aliases: ['退款时间'],
    },
    {
      name: 'amount',
      type: money,
      required: true,
      unit: 'yuan',
      checks: [positive],
      description: 'Amount refunded',
      aliases: ['退款金额', '金额'],
    },
    {
      name: 'reason',
      type: text,
      required: false,
      description: 'Reason given, e.g. 质量问题, 少送, 取消',
      aliases: ['退款原因', '原因'],
    },
  ],
};
