import { oneOf, text } from '../column.js';
import type { TableDef } from '../table.js';
import { CLEANING_ORIGIN, runIdColumn } from './cleaning-columns.js';

/** Rules that flag an order as an outlier (docs/cleaning.md). */
export const ORDER_FLAG_RULES = ['brushing', 'amount_outlier'] as const;

export const orderFlags: TableDef = {
  name: 'order_flags',
  title: 'Flagged orders',
  origin: CLEANING_ORIGIN,
  description:
    'Orders left out of orders_clean, with the rule and a readable reason: every order of an order-brushing burst, and orders absurdly larger than the customer’s own typical order.',
  primaryKey: ['order_id'],
  foreignKeys: [{ columns: ['order_id'], table: 'orders', refColumns: ['order_id'] }],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'order_id', type: text, required: true, description: 'Order flagged', aliases: [] },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer of the order, as imported',
      aliases: [],
    },
    {
      name: 'rule',
      type: oneOf(ORDER_FLAG_RULES),
      required: true,
      description:
        'brushing = part of an order-brushing burst; amount_outlier = absurdly above the customer’s median order',
      aliases: [],
    },
    {
      name: 'group_id',
      type: text,
      required: false,
      description: 'Burst the order belongs to (brushing only): the first order of the burst',
      aliases: [],
    },
    { name: 'reason', type: text, required: true, description: 'Why the order was flagged', aliases: [] },
    runIdColumn,
  ],
};
