import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import {
  FROM_KEYS,
  TO_KEYS,
  type FromKey,
  type MoversPage,
  type ToKey,
} from '../../contracts/insights/migration.js';
import type { Engine, Row } from '../../engines/engine.js';
import { moversSql } from '../../sql/insights/movers-sql.js';
import { requireMigrationRuns } from './migration.js';
import { decodeMoversCursor, encodeMoversCursor } from './movers-cursor.js';

export interface MoversRequest {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly fromKey?: FromKey | undefined;
  readonly toKey?: ToKey | undefined;
  readonly scope: CustomerScope;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

const MoverRowSchema = z.object({
  customer_id: z.string(),
  name: z.string().nullable(),
  from_tier: z.enum(FROM_KEYS),
  to_tier: z.enum(TO_KEYS),
  from_score: z.number().nullable(),
  to_score: z.number().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  monetary: z.number().nullable(),
  rep_id: z.string().nullable(),
  rep_name: z.string().nullable(),
  team: z.string().nullable(),
});

function moverOf(raw: Row) {
  const r = MoverRowSchema.parse(raw);
  return {
    customerId: r.customer_id,
    name: r.name,
    from: r.from_tier,
    to: r.to_tier,
    fromScore: r.from_score,
    toScore: r.to_score,
    city: r.city,
    district: r.district,
    monetary: r.monetary === null ? null : Math.round(r.monetary * 100) / 100,
    owner:
      r.rep_id !== null && r.team !== null ? { repId: r.rep_id, repName: r.rep_name, team: r.team } : null,
  };
}

/**
 * The customers in one cell of the migration matrix between two runs (or every customer whose key changed when
 * no cell is named), within the caller's scope, by customer id, a page at a time.
 */
export async function listMovers(engine: Engine, r: MoversRequest): Promise<MoversPage> {
  const fromKey = r.fromKey ?? null;
  const toKey = r.toKey ?? null;
  const after =
    r.cursor === undefined ? null : decodeMoversCursor(r.cursor, { from: r.from, to: r.to, fromKey, toKey });
  const { from, to } = await requireMigrationRuns(engine, {
    from: after?.from ?? r.from,
    to: after?.to ?? r.to,
  });
  const rows = await engine.read(
    moversSql(engine.dialect, {
      fromRunId: from.runId,
      toRunId: to.runId,
      fromKey: r.fromKey,
      toKey: r.toKey,
      scope: r.scope,
      afterId: after?.id ?? null,
      limit: r.limit + 1,
    }),
  );
  const items = rows.slice(0, r.limit).map(moverOf);
  const last = items.at(-1);
  const nextCursor =
    rows.length > r.limit && last
      ? encodeMoversCursor({ from: from.runId, to: to.runId, fromKey, toKey, id: last.customerId })
      : null;
  return { from, to, items, nextCursor };
}
