import { date, text } from '../column.js';
import type { TableDef } from '../table.js';

export const customerOwners: TableDef = {
  name: 'customer_owners',
  title: 'Customer owners',
  origin: 'CRM account ownership (客户归属)',
  description:
    'Which sales rep (account manager) owns each customer and the team the rep belongs to; managers see their team’s customers, reps their own.',
  primaryKey: ['customer_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'update',
  fileAliases: ['owners', 'customer_owner', '客户归属', '客户负责人'],
  columns: [
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer account id in the CRM',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'rep_id',
      type: text,
      required: true,
      description: 'Id of the sales rep who owns the account',
      aliases: ['客户经理编号', '业务员编号', '销售编号'],
    },
    {
      name: 'rep_name',
      type: text,
      required: false,
      description: 'Name of the sales rep',
      aliases: ['客户经理', '业务员', '销售'],
    },
    {
      name: 'team',
      type: text,
      required: true,
      description: 'Team of the rep (usually a city or district team)',
      aliases: ['团队', '销售团队', '所属团队'],
    },
    {
      name: 'since',
      type: date,
      required: false,
      description: 'Since when the rep owns the account',
      aliases: ['归属日期', '分配日期'],
    },
  ],
};
