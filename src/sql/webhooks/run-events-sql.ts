import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { textArrays } from '../tiering/tags-policies/sql-text.js';
import { jsonSql } from './json-sql.js';
import { paramList } from '../param-list.js';
import { subscribedToSql } from './subscriptions-sql.js';
import { stateAfterRunSql } from '../stream/state-after-run-sql.js';

/**
 * The outbox side of a tiering run: the events of a run are computed in the engine from its snapshot and the
 * previous run's (both in tier_snapshots by then) and inserted into webhook_deliveries, one row per event per
 * enabled subscription to its type, inside the run's transaction. Event ids are md5 of run, type, customer and
 * tag, and delivery ids md5 of event and subscription: deterministic, so a delivery keeps its key for ever.
 */
export const CHANGES_TABLE = 'webhook_changes';

/** The change event types built here (src/domain/webhooks/event-types.ts names them all; the compiler checks the fit). */
export type ChangeEventKind = 'tier.changed' | 'tag.added' | 'tag.removed' | 'policy.changed';

const double = (d: Dialect) => d.columnType({ kind: 'double' });

/** Policy values as JSON-friendly types (money as a double: exact to the cent for any credit limit). */
const policyColumn = (d: Dialect, c: string): string =>
  c === 'credit_limit' ? `CAST(${c} AS ${double(d)}) AS ${c}` : c;

/**
 * TEMP webhook_changes: one row per customer whose tier, tags or policy differ between the run and the state the
 * previous run and its stream decisions left (a customer absent has no tier, no tags and no policy there), with
 * both sides' values (prev_* = previous state).
 */
export function changedCustomersSql(d: Dialect, runId: string, previousRunId: string): SqlQuery {
  const p = paramList(d);
  const empty = textArrays(d).empty;
  const columns = ['customer_id', 'tier', 'tier_reason', 'tags', 'tag_reasons', ...POLICY_COLUMNS];
  const cur = `SELECT ${columns.map((c) => policyColumn(d, c)).join(', ')} FROM tier_snapshots WHERE run_id = ${p.text(runId)}`;
  // The stream announced its own changes since the previous run: compare with the state they left.
  const prevState = stateAfterRunSql(p.text(previousRunId), columns);
  const prev = `SELECT ${columns.map((c) => policyColumn(d, c)).join(', ')} FROM (${prevState}) AS state`;
  const differs = [
    'c.tier IS DISTINCT FROM p.tier',
    `COALESCE(c.tags, ${empty}) IS DISTINCT FROM COALESCE(p.tags, ${empty})`,
    ...POLICY_COLUMNS.map((c) => `c.${c} IS DISTINCT FROM p.${c}`),
  ];
  return sql(
    `${d.tempTable} ${d.quoteIdent(CHANGES_TABLE)} AS
WITH cur AS (${cur}), prev AS (${prev})
SELECT COALESCE(c.customer_id, p.customer_id) AS customer_id,
  p.tier AS prev_tier, c.tier AS tier, c.tier_reason AS tier_reason,
  COALESCE(p.tags, ${empty}) AS prev_tags, p.tag_reasons AS prev_tag_reasons,
  COALESCE(c.tags, ${empty}) AS tags, c.tag_reasons AS tag_reasons,
  ${POLICY_COLUMNS.map((c) => `p.${c} AS prev_${c}, c.${c} AS ${c}`).join(',\n  ')}
FROM cur c FULL JOIN prev p ON p.customer_id = c.customer_id
WHERE ${differs.join('\n   OR ')}`,
    p.params,
  );
}

export const dropChangesSql = (d: Dialect): string => `DROP TABLE IF EXISTS ${d.quoteIdent(CHANGES_TABLE)}`;

/** SELECT event_key, data (JSON) of one change type from webhook_changes. */
function changeEventsSelect(
  d: Dialect,
  type: ChangeEventKind,
  run: { runIdSql: string; asOfSql: string },
): string {
  const j = jsonSql(d);
  const t = d.quoteIdent(CHANGES_TABLE);
  const keyOf = (...parts: string[]) => [`'${type}'`, ...parts].join(` || '|' || `);
  switch (type) {
    case 'tier.changed':
      return `SELECT ${keyOf('customer_id')} AS event_key, ${j.object([
        ['customerId', 'customer_id'],
        ['from', 'prev_tier'],
        ['to', 'tier'],
        ['reason', 'tier_reason'],
        ['runId', run.runIdSql],
        ['asOf', run.asOfSql],
      ])} AS data
FROM ${t} WHERE tier IS DISTINCT FROM prev_tier`;
    case 'tag.added':
    case 'tag.removed': {
      const [mine, other] = type === 'tag.added' ? ['', 'prev_'] : ['prev_', ''];
      return `SELECT ${keyOf('x.customer_id', 'x.tag')} AS event_key, ${j.object([
        ['customerId', 'x.customer_id'],
        ['tag', 'x.tag'],
        ['reason', 'x.reason'],
      ])} AS data
FROM (SELECT customer_id, unnest(${mine}tags) AS tag, unnest(${mine}tag_reasons) AS reason FROM ${t}) x
LEFT JOIN (SELECT customer_id, unnest(${other}tags) AS tag FROM ${t}) y
  ON y.customer_id = x.customer_id AND y.tag = x.tag
WHERE y.customer_id IS NULL`;
    }
    case 'policy.changed': {
      const fields = POLICY_COLUMNS.map(
        (c) =>
          `SELECT customer_id, '${c}' AS field, ${j.object([
            ['before', `prev_${c}`],
            ['after', c],
          ])} AS change FROM ${t} WHERE ${c} IS DISTINCT FROM prev_${c}`,
      );
      return `SELECT ${keyOf('customer_id')} AS event_key, ${j.object([
        ['customerId', 'customer_id'],
        ['changes', j.objectAgg('field', 'change')],
      ])} AS data
FROM (${fields.join('\n  UNION ALL ')}) f GROUP BY customer_id`;
    }
    default:
      return assertUnreachable(type, 'event type');
  }
}

export interface RunEventContext {
  readonly runId: string;
  readonly asOf: string;
  /** When the run committed (ISO 8601): the events' occurredAt, and when their deliveries fall due. */
  readonly occurredAt: string;
}

const DELIVERY_COLUMNS = [
  'delivery_id',
  'subscription_id',
  'event_type',
  'payload',
  'status',
  'attempts',
  'next_attempt_at',
  'created_at',
];

/** The INSERT … SELECT of deliveries from a SELECT of (event_id, data) and the subscribers to `type`. */
function insertDeliveries(
  d: Dialect,
  p: ReturnType<typeof paramList>,
  type: ChangeEventKind | 'run.completed',
  ctx: RunEventContext,
  events: string,
  runIdSql: string,
  asOfSql: string,
): string {
  const j = jsonSql(d);
  const typeSql = p.text(type);
  const at = p.text(ctx.occurredAt);
  const envelope = j.object([
    ['id', 'e.event_id'],
    ['type', typeSql],
    ['occurredAt', at],
    ['runId', runIdSql],
    ['asOf', asOfSql],
    ['data', 'e.data'],
  ]);
  return `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS.join(', ')})
SELECT 'dlv_' || substr(md5(e.event_id || '|' || s.subscription_id), 1, 24), s.subscription_id, ${typeSql},
  ${j.text(envelope)}, 'pending', 0, CAST(${at} AS TIMESTAMPTZ), CAST(${at} AS TIMESTAMPTZ)
FROM (${events}) e
CROSS JOIN (${subscribedToSql(d, typeSql)}) s`;
}

/** Deliveries of one change type's events to every enabled subscriber of that type (reads webhook_changes). */
export function enqueueChangeEventsSql(d: Dialect, type: ChangeEventKind, ctx: RunEventContext): SqlQuery {
  const p = paramList(d);
  const runIdSql = p.text(ctx.runId);
  const asOfSql = p.text(ctx.asOf);
  const events = `SELECT 'evt_' || substr(md5(${runIdSql} || '|' || x.event_key), 1, 24) AS event_id, x.data
FROM (${changeEventsSelect(d, type, { runIdSql, asOfSql })}) x`;
  return sql(insertDeliveries(d, p, type, ctx, events, runIdSql, asOfSql), p.params);
}

/** The run.completed delivery to every enabled subscriber of it; `data` is the JSON text of the summary. */
export function enqueueRunCompletedSql(d: Dialect, ctx: RunEventContext, data: string): SqlQuery {
  const p = paramList(d);
  const runIdSql = p.text(ctx.runId);
  const asOfSql = p.text(ctx.asOf);
  const events = `SELECT 'evt_' || substr(md5(${runIdSql} || '|run.completed'), 1, 24) AS event_id, ${jsonSql(d).parse(p.text(data))} AS data`;
  return sql(insertDeliveries(d, p, 'run.completed', ctx, events, runIdSql, asOfSql), p.params);
}

/** How many events of each change type webhook_changes holds (for run.completed). */
export function countChangeEventsSql(d: Dialect): SqlQuery {
  const run = { runIdSql: `''`, asOfSql: `''` };
  const count = (type: ChangeEventKind, alias: string) =>
    `(SELECT count(*) FROM (${changeEventsSelect(d, type, run)}) x) AS ${alias}`;
  return sql(
    `SELECT ${count('tier.changed', 'tier_changed')}, ${count('tag.added', 'tag_added')}, ${count('tag.removed', 'tag_removed')}, ${count('policy.changed', 'policy_changed')}`,
  );
}

/** Committed runs with a later as-of date than `asOf` (a run for an earlier date describes history). */
export function laterRunsSql(d: Dialect, asOf: string): SqlQuery {
  return sql(`SELECT count(*) AS n FROM tiering_runs WHERE as_of > CAST(${d.param(1)} AS DATE)`, [asOf]);
}
