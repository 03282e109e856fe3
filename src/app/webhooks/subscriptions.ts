import { randomUUID } from 'node:crypto';
import { stratumError } from '../../contracts/errors.js';
import type { WebhookEventType } from '../../domain/webhooks/event-types.js';
import { checkWebhookUrl } from '../../domain/webhooks/webhook-url.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  deleteSubscriptionDeliveriesSql,
  deleteSubscriptionSql,
  insertSubscriptionSql,
  listSubscriptionsSql,
} from '../../sql/webhooks/subscriptions-sql.js';
import { newWebhookSecret } from './hmac.js';

export interface NewSubscription {
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly createdBy: string;
}

/** A subscription as listed: never its secret. */
export interface Subscription {
  readonly id: string;
  readonly url: string;
  readonly events: string[];
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly deliveries: { readonly pending: number; readonly delivered: number; readonly dead: number };
}

/** Creates a subscription; the secret is returned here once and never shown again. */
export async function createSubscription(
  engine: Engine,
  s: NewSubscription,
  now: Date,
): Promise<{ id: string; url: string; events: WebhookEventType[]; secret: string; createdAt: string }> {
  const checked = checkWebhookUrl(s.url);
  if (!checked.ok) throw stratumError('INVALID_ARGUMENT', `url: ${checked.reason}`, { field: 'url' });
  if (s.events.length === 0)
    throw stratumError('INVALID_ARGUMENT', 'events: subscribe to at least one event type', {
      field: 'events',
    });
  const events = [...new Set(s.events)];
  const row = {
    subscriptionId: `whk_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    url: checked.url,
    events,
    secret: newWebhookSecret(),
    createdBy: s.createdBy,
    createdAt: now.toISOString(),
  };
  await engine.run(insertSubscriptionSql(engine.dialect, row));
  return { id: row.subscriptionId, url: row.url, events, secret: row.secret, createdAt: row.createdAt };
}

const toSubscription = (r: Row): Subscription => ({
  id: String(r.subscription_id),
  url: String(r.url),
  events: Array.isArray(r.events) ? r.events.map(String) : [],
  enabled: r.enabled === true,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
  deliveries: { pending: Number(r.pending), delivered: Number(r.delivered), dead: Number(r.dead) },
});

export async function listSubscriptions(engine: Engine): Promise<Subscription[]> {
  return (await engine.all(listSubscriptionsSql(engine.dialect))).map(toSubscription);
}

export async function getSubscription(engine: Engine, id: string): Promise<Subscription> {
  const [row] = await engine.all(listSubscriptionsSql(engine.dialect, id));
  if (!row) throw stratumError('NOT_FOUND', `no webhook subscription ${id}`, { what: 'webhook', id });
  return toSubscription(row);
}

/** Deletes a subscription and its delivery log: nothing more is sent to it. */
export async function deleteSubscription(engine: Engine, id: string): Promise<void> {
  await getSubscription(engine, id);
  await engine.transaction(async (tx) => {
    await tx.run(deleteSubscriptionDeliveriesSql(engine.dialect, id));
    await tx.run(deleteSubscriptionSql(engine.dialect, id));
  });
}
