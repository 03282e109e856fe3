import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';

/** SELECT subscription_id of the enabled subscriptions whose events include the text expression `typeSql`. */
export function subscribedToSql(d: Dialect, typeSql: string): string {
  switch (d.kind) {
    case 'duckdb':
      return `SELECT subscription_id FROM webhook_subscriptions WHERE enabled AND list_contains(events, ${typeSql})`;
    case 'postgres':
      return `SELECT subscription_id FROM webhook_subscriptions WHERE enabled AND ${typeSql} = ANY(events)`;
    default:
      return assertUnreachable(d.kind, 'engine kind');
  }
}

/** The event types of every enabled subscription: the cheap check a run makes before computing any event. */
export const enabledSubscriptionsSql = (): SqlQuery =>
  sql(`SELECT subscription_id, events FROM webhook_subscriptions WHERE enabled`);

export interface SubscriptionRow {
  readonly subscriptionId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly secret: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export function insertSubscriptionSql(d: Dialect, s: SubscriptionRow): SqlQuery {
  const p = (i: number) => d.param(i);
  const list = d.listOf(s.events.map((_, i) => `CAST(${p(6 + i)} AS VARCHAR)`));
  return sql(
    `INSERT INTO webhook_subscriptions (subscription_id, url, secret, created_by, created_at, events, enabled)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CAST(${p(5)} AS TIMESTAMPTZ), ${list}, TRUE)`,
    [s.subscriptionId, s.url, s.secret, s.createdBy, s.createdAt, ...s.events],
  );
}

const countOf = (status: string) =>
  `(SELECT count(*) FROM webhook_deliveries w WHERE w.subscription_id = s.subscription_id AND w.status = '${status}') AS ${status}`;

/** Subscriptions without their secrets, with their deliveries counted by status; one when `id` is given. */
export function listSubscriptionsSql(d: Dialect, id?: string): SqlQuery {
  return sql(
    `SELECT s.subscription_id, s.url, s.events, s.enabled, s.created_by, s.created_at,
       ${['pending', 'delivered', 'dead'].map(countOf).join(', ')}
     FROM webhook_subscriptions s
     ${id === undefined ? '' : `WHERE s.subscription_id = ${d.param(1)}`}
     ORDER BY s.created_at, s.subscription_id`,
    id === undefined ? [] : [id],
  );
}

export const deleteSubscriptionDeliveriesSql = (d: Dialect, id: string): SqlQuery =>
  sql(`DELETE FROM webhook_deliveries WHERE subscription_id = ${d.param(1)}`, [id]);

export const deleteSubscriptionSql = (d: Dialect, id: string): SqlQuery =>
  sql(`DELETE FROM webhook_subscriptions WHERE subscription_id = ${d.param(1)}`, [id]);
