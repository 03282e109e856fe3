import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import {
  ActionKindSchema,
  ActionStatusSchema,
  type ActionTask,
  type RiskItem,
  type RiskPage,
  type RiskTag,
} from '../../contracts/insights/risk.js';
import { TAG_FEATURES } from '../../contracts/tiering/tag-features.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import { TAGS, TIERS } from '../../contracts/tiering/tiers.js';
import { evaluateTags } from '../../domain/tiering/tags/index.js';
import type { TagInput } from '../../domain/tiering/tags/tag-input.js';
import type { Engine } from '../../engines/engine.js';
import { actionTasksSql, tagDetailsSql, taggedCountSql } from '../../sql/insights/risk-sql.js';
import { listCustomers } from '../customers/list-customers.js';
import { segmentConfig } from '../../domain/tiering/pilots.js';
import { runConfig } from './run-config.js';

export interface RiskListRequest {
  readonly tag: RiskTag;
  readonly runId?: string | undefined;
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

const num = z.number().nullable();
const DetailRowSchema = z.looseObject({
  customer_id: z.string(),
  tier: z.enum(TIERS).nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
  tag_reasons: z.array(z.string()).nullable(),
  actions: z.array(ActionKindSchema).nullable(),
  pilot: z.string().nullable(),
  ...Object.fromEntries(TAG_FEATURES.map((f) => [f, num])),
});

const TaskRowSchema = z.object({
  customer_id: z.string(),
  action: ActionKindSchema,
  status: ActionStatusSchema,
  note: z.string().nullable(),
  updated_by: z.string().nullable(),
  updated_at: z.string().nullable(),
});

/** The reason for a tag in both languages: the engine's English text, the Chinese one rendered by the rules. */
function reasonOf(
  tag: RiskTag,
  row: z.infer<typeof DetailRowSchema>,
  config: TieringConfig | null,
): { zh: string; en: string } {
  const i = (row.tags ?? []).indexOf(tag);
  const stored = i >= 0 ? row.tag_reasons?.[i] : undefined;
  const input = {
    ...(row as unknown as Record<string, number | null>),
    tier: row.tier,
  } as unknown as TagInput;
  const rules = config && segmentConfig(config, row.pilot);
  const evaluated = rules
    ? evaluateTags(rules.tags, input, rules.windows).find((t) => t.tag === tag)?.reason
    : undefined;
  const en = stored ?? evaluated?.en ?? '';
  return { en, zh: evaluated?.zh ?? en };
}

/**
 * Customers of a run with a risk tag, within the caller's scope and masked like /customers (the page itself is
 * listCustomers filtered by the tag, largest net purchases first), each with the tag's reason and the actions the
 * run triggered with their status.
 */
export async function listRisk(engine: Engine, r: RiskListRequest): Promise<RiskPage> {
  const d = engine.dialect;
  const page = await listCustomers(engine, {
    scope: r.scope,
    personalVisible: r.personalVisible,
    runId: r.runId,
    filter: { tag: r.tag },
    sort: 'monetary',
    direction: 'desc',
    cursor: r.cursor,
    limit: r.limit,
  });
  const ids = page.items.map((c) => c.customerId);
  const [count] = await engine.read(taggedCountSql(d, page.runId, r.tag, r.scope));
  const details = new Map(
    (ids.length ? await engine.read(tagDetailsSql(d, page.runId, ids)) : []).map((raw) => {
      const row = DetailRowSchema.parse(raw);
      return [row.customer_id, row] as const;
    }),
  );
  const tasks = new Map<string, z.infer<typeof TaskRowSchema>>();
  if (ids.length)
    for (const raw of await engine.read(actionTasksSql(d, page.runId, ids))) {
      const t = TaskRowSchema.parse(raw);
      tasks.set(`${t.customer_id}\u0000${t.action}`, t);
    }
  const config = ids.length ? await runConfig(engine, page.runId) : null;

  const items = page.items.map((c): RiskItem => {
    const row = details.get(c.customerId);
    const actions = (row?.actions ?? []).map((action): ActionTask => {
      const t = tasks.get(`${c.customerId}\u0000${action}`);
      return {
        action,
        status: t?.status ?? 'open',
        note: t?.note ?? null,
        updatedBy: t?.updated_by ?? null,
        updatedAt: t?.updated_at ?? null,
      };
    });
    return {
      customerId: c.customerId,
      name: c.name,
      tier: c.tier,
      tierName: c.tierName,
      score: c.score,
      monetary: c.monetary,
      city: c.city,
      district: c.district,
      reason: row ? reasonOf(r.tag, row, config) : { zh: '', en: '' },
      tags: c.tags,
      owner: c.owner,
      contact: { name: c.contact.name, phone: c.contact.phone },
      actions,
    };
  });
  return {
    runId: page.runId,
    asOf: page.asOf,
    tag: r.tag,
    total: Number(count?.n ?? 0),
    items,
    nextCursor: page.nextCursor,
  };
}
