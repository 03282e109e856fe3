import { oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const STREAM_EVENT_OUTCOMES = ['applied', 'rejected'] as const;

export const streamEvents: TableDef = {
  name: 'stream_events',
  title: 'Stream events',
  origin: 'stratum (events received by POST /api/v1/events or from NATS)',
  description:
    'Every event applied from the order stream, once: the event id is the idempotency key, so a redelivered event finds its row and changes nothing. Rejected events (unknown customer, order or invoice) are kept with the reason.',
  primaryKey: ['event_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'event_id', type: text, required: true, description: 'The envelope id', aliases: [] },
    { name: 'event_type', type: text, required: true, description: 'e.g. order.created', aliases: [] },
    { name: 'customer_id', type: text, required: true, description: 'As sent (an imported id)', aliases: [] },
    { name: 'occurred_at', type: timestamp, required: true, description: 'When it happened', aliases: [] },
    { name: 'received_at', type: timestamp, required: true, description: 'When it was applied', aliases: [] },
    { name: 'payload', type: text, required: true, description: 'The whole event as JSON', aliases: [] },
    {
      name: 'outcome',
      type: oneOf(STREAM_EVENT_OUTCOMES),
      required: true,
      description: 'applied, or rejected with a reason',
      aliases: [],
    },
    { name: 'reason', type: text, required: false, description: 'Why it was rejected', aliases: [] },
  ],
};
