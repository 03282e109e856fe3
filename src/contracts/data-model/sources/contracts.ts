import { date, money, nonNegative, text } from '../column.js';
import type { TableDef } from '../table.js';

export const contracts: TableDef = {
  name: 'contracts',
  title: 'Contracts',
  origin: 'Contract management (CLM)',
  description: 'Supply contracts with a committed purchase amount over their term.',
  primaryKey: ['contract_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'update',
  fileAliases: ['contract', '合同'],
  columns: [
    {
      name: 'contract_id',
      type: text,
      required: true,
      description: 'Contract number',
      aliases: ['合同编号', '合同号'],
    },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer under contract',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'start_date',
      type: date,
      required: true,
      description: 'First day of the term',
      aliases: ['开始日期', '生效日期'],
    },
    {
      name: 'end_date',
      type: date,
      required: true,
      checks: [{ kind: 'notBefore', column: 'start_date' }],
      description: 'Last day of the term',
      aliases: ['结束日期', '到期日期'],
    },
    {
      name: 'committed_amount',
      type: money,
      required: true,
      unit: 'yuan',
      checks: [nonNegative],
      description: 'Purchases the customer committed to over the term',
      aliases: ['承诺采购额', '合同金额'],
    },
  ],
};
