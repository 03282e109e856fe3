import { bool, text, textList, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const webhookSubscriptions: TableDef = {
  name: 'webhook_subscriptions',
  title: 'Webhook subscriptions',
  origin: 'stratum server',
  description: 'Endpoints of CRM/ERP systems and the event types they receive, each with its signing secret.',
  primaryKey: ['subscription_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'subscription_id',
      type: text,
      required: true,
      description: 'Id of the subscription',
      aliases: [],
    },
    { name: 'url', type: text, required: true, description: 'Endpoint receiving POSTs', aliases: [] },
    {
      name: 'events',
      type: textList,
      required: true,
      description: 'Event types: tier.changed, tag.added, tag.removed, policy.changed, run.completed',
      aliases: [],
    },
    {
      name: 'secret',
      type: text,
      required: true,
      description: 'HMAC-SHA256 signing secret (shown once at creation)',
      aliases: [],
    },
    { name: 'enabled', type: bool, required: true, description: 'Delivers only when true', aliases: [] },
    { name: 'created_by', type: text, required: true, description: 'Who created it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When created', aliases: [] },
  ],
};
