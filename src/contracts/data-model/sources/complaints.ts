import { notFuture, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

/** complaints.category */
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'billing', 'service', 'other'] as const;
/** complaints.severity */
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;

export const complaints: TableDef = {
  name: 'complaints',
  title: 'Complaints',
  origin: 'Customer service ticketing',
  description: 'Complaints filed by customers.',
  primaryKey: ['complaint_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'update',
  fileAliases: ['complaint', '投诉', '客诉'],
  columns: [
    {
      name: 'complaint_id',
      type: text,
      required: true,
      description: 'Ticket number',
      aliases: ['投诉编号', '工单号'],
    },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer who complained',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'filed_at',
      type: timestamp,
      required: true,
      checks: [notFuture],
      description: 'When the complaint was filed',
      aliases: ['投诉时间'],
    },
    {
      name: 'category',
      type: oneOf(COMPLAINT_CATEGORIES, {
        质量: 'quality',
        配送: 'delivery',
        账务: 'billing',
        服务: 'service',
        其他: 'other',
      }),
      required: true,
      description: 'quality, delivery (late or short), billing, service, other',
      aliases: ['投诉类别', '类别'],
    },
    {
      name: 'severity',
      type: oneOf(COMPLAINT_SEVERITIES, { 低: 'low', 中: 'medium', 高: 'high' }),
      required: true,
      description: 'Severity assigned by customer service',
      aliases: ['严重程度', '等级'],
    },
  ],
};
