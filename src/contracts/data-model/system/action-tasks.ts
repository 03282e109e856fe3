import { ACTION_STATUSES } from '../../insights/risk.js';
import { TRIGGERED_ACTIONS } from '../../tiering/actions.js';
import { oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const actionTasks: TableDef = {
  name: 'action_tasks',
  title: 'Action tasks',
  origin: 'stratum server (the risk and churn page of the dashboard)',
  description:
    'Follow-up of the actions a tiering run triggered for a customer (tier_snapshots.actions): done or dismissed, by whom, when and why. An action without a row is open.',
  primaryKey: ['run_id', 'customer_id', 'action'],
  foreignKeys: [{ columns: ['run_id'], table: 'tiering_runs', refColumns: ['run_id'] }],
  onExistingKey: 'update',
  fileAliases: [],
  columns: [
    { name: 'run_id', type: text, required: true, description: 'Run that triggered the action', aliases: [] },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer (surviving id) or chain id',
      aliases: [],
    },
    {
      name: 'action',
      type: oneOf(TRIGGERED_ACTIONS),
      required: true,
      description: 'Action kind, as in tier_snapshots.actions',
      aliases: [],
    },
    {
      name: 'status',
      type: oneOf(ACTION_STATUSES),
      required: true,
      description: 'open, done or dismissed',
      aliases: [],
    },
    {
      name: 'updated_by',
      type: text,
      required: true,
      description: 'Who set the status (user name or API key id)',
      aliases: [],
    },
    {
      name: 'updated_at',
      type: timestamp,
      required: true,
      description: 'When the status was set',
      aliases: [],
    },
    {
      name: 'note',
      type: text,
      required: false,
      description: 'Free text, e.g. what was agreed',
      aliases: [],
    },
  ],
};
