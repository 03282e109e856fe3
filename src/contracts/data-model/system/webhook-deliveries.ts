import { int, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const webhookDeliveries: TableDef = {
  name: 'webhook_deliveries',
  title: 'Webhook deliveries',
  origin: 'stratum server',
  description:
    'The outbox: one row per event per subscription, written in the transaction of the run that caused it, with its attempts; dead after the last retry.',
  primaryKey: ['delivery_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'delivery_id',
      type: text,
      required: true,
      description: 'Id of the delivery, sent as the idempotency key',
      aliases: [],
    },
    { name: 'subscription_id', type: text, required: true, description: 'Subscription', aliases: [] },
    { name: 'event_type', type: text, required: true, description: 'Event type', aliases: [] },
    { name: 'payload', type: text, required: true, description: 'JSON body sent', aliases: [] },
    {
      name: 'status',
      type: oneOf(['pending', 'delivered', 'dead']),
      required: true,
      description: 'pending, delivered or dead',
      aliases: [],
    },
    { name: 'attempts', type: int, required: true, description: 'Attempts made', aliases: [] },
    {
      name: 'next_attempt_at',
      type: timestamp,
      required: false,
      description: 'When the next attempt is due',
      aliases: [],
    },
    {
      name: 'last_status_code',
      type: int,
      required: false,
      description: 'HTTP status of the last attempt',
      aliases: [],
    },
    {
      name: 'last_error',
      type: text,
      required: false,
      description: 'Error of the last attempt',
      aliases: [],
    },
    {
      name: 'created_at',
      type: timestamp,
      required: true,
      description: 'When the event was recorded',
      aliases: [],
    },
    {
      name: 'delivered_at',
      type: timestamp,
      required: false,
      description: 'When acknowledged with 2xx',
      aliases: [],
    },
  ],
};
