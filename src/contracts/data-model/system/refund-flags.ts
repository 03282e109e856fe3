import { oneOf, text } from '../column.js';
import type { TableDef } from '../table.js';
import { CLEANING_ORIGIN, runIdColumn } from './cleaning-columns.js';

/** Rules that flag a refund as an outlier (docs/cleaning.md). */
export const REFUND_FLAG_RULES = ['huge_refund', 'refund_exceeds_order'] as const;

export const refundFlags: TableDef = {
  name: 'refund_flags',
  title: 'Flagged refunds',
  origin: CLEANING_ORIGIN,
  description:
    'Refunds left out of refunds_clean: refunds several times the order amount, and refunds that push the refunded total above the order amount.',
  primaryKey: ['refund_id'],
  foreignKeys: [{ columns: ['refund_id'], table: 'refunds', refColumns: ['refund_id'] }],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'refund_id', type: text, required: true, description: 'Refund flagged', aliases: [] },
    { name: 'order_id', type: text, required: true, description: 'Order refunded', aliases: [] },
    {
      name: 'rule',
      type: oneOf(REFUND_FLAG_RULES),
      required: true,
      description:
        'huge_refund = at least 3× the order amount; refund_exceeds_order = the refunds of the order add up to more than the order',
      aliases: [],
    },
    { name: 'reason', type: text, required: true, description: 'Why the refund was flagged', aliases: [] },
    runIdColumn,
  ],
};
