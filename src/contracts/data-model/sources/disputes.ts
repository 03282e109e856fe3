import { date, money, nonNegative, notFuture, oneOf, text } from '../column.js';
import type { TableDef } from '../table.js';

/** disputes.status */
export const DISPUTE_STATUSES = ['open', 'settled', 'won', 'lost'] as const;

export const disputes: TableDef = {
  name: 'disputes',
  title: 'Legal disputes',
  origin: 'Legal department case register',
  description: 'Legal disputes with customers (unpaid debts, contract breaches).',
  primaryKey: ['dispute_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'update',
  fileAliases: ['dispute', 'legal', '纠纷', '诉讼', '法律纠纷'],
  columns: [
    {
      name: 'dispute_id',
      type: text,
      required: true,
      description: 'Case number',
      aliases: ['案件编号', '纠纷编号'],
    },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer in dispute',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'opened_date',
      type: date,
      required: true,
      checks: [notFuture],
      description: 'Date the case was opened',
      aliases: ['立案日期', '发生日期'],
    },
    {
      name: 'status',
      type: oneOf(DISPUTE_STATUSES, {
        审理中: 'open',
        未结: 'open',
        和解: 'settled',
        胜诉: 'won',
        败诉: 'lost',
      }),
      required: true,
      description: 'open, settled, won (in our favour), lost',
      aliases: ['状态', '案件状态'],
    },
    {
      name: 'amount',
      type: money,
      required: true,
      unit: 'yuan',
      checks: [nonNegative],
      description: 'Amount in dispute',
      aliases: ['涉案金额', '金额'],
    },
    {
      name: 'closed_date',
      type: date,
      required: false,
      checks: [notFuture, { kind: 'notBefore', column: 'opened_date' }],
      description: 'Date the case was closed',
      aliases: ['结案日期'],
    },
  ],
};
