import { z } from 'zod';
import { POLICY_COLUMNS } from '../../contracts/tiering/pipeline-tables.js';
import { PolicySchema } from '../../contracts/tiering/config.js';
import { TAGS, TIER_NAMES, TIERS, type Tier } from '../../contracts/tiering/tiers.js';
import { policyFromColumns, type PolicyColumns } from '../../domain/tiering/policies/index.js';
import type { Row } from '../../engines/engine.js';

export const TierNameSchema = z.object({ zh: z.string(), en: z.string() });

/** One customer of a run as the API shows it; contact fields are masked for callers without personal.read. */
export const CustomerItemSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  tierName: TierNameSchema.nullable(),
  tierReason: z.string().nullable(),
  score: z.number().nullable(),
  rankPct: z.number().nullable(),
  segment: z.string().nullable(),
  tags: z.array(z.enum(TAGS)),
  city: z.string().nullable(),
  district: z.string().nullable(),
  type: z.string().nullable(),
  cuisine: z.string().nullable(),
  chainId: z.string().nullable(),
  /** Net purchases in the long window, yuan. */
  monetary: z.number().nullable(),
  recencyDays: z.number().nullable(),
  /** Orders per month. */
  frequency: z.number().nullable(),
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  owner: z.object({ repId: z.string(), repName: z.string().nullable(), team: z.string() }).nullable(),
  policy: PolicySchema.nullable(),
});
export type CustomerItem = z.infer<typeof CustomerItemSchema>;

/** A row of customerColumnsSql as the engine returns it, parsed at the boundary. */
const CustomerRowSchema = z.looseObject({
  customer_id: z.string(),
  name: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  tier_reason: z.string().nullable(),
  score: z.number().nullable(),
  rank_pct: z.number().nullable(),
  segment: z.string().nullable(),
  tags: z.array(z.enum(TAGS)).nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  customer_type: z.string().nullable(),
  cuisine: z.string().nullable(),
  chain_id: z.string().nullable(),
  monetary: z.number().nullable(),
  recency_days: z.number().nullable(),
  frequency: z.number().nullable(),
  contact_name: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  rep_id: z.string().nullable(),
  rep_name: z.string().nullable(),
  team: z.string().nullable(),
  payment_terms: z.string().nullable(),
});

export const tierNameOf = (tier: Tier | null) => (tier === null ? null : TIER_NAMES[tier]);
const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export function customerItemOf(raw: Row): CustomerItem {
  const r = CustomerRowSchema.parse(raw);
  const policyColumns = Object.fromEntries(POLICY_COLUMNS.map((c) => [c, raw[c]])) as PolicyColumns;
  return {
    customerId: r.customer_id,
    name: r.name,
    tier: r.tier,
    tierName: tierNameOf(r.tier),
    tierReason: r.tier_reason,
    score: r.score,
    rankPct: r.rank_pct,
    segment: r.segment,
    tags: r.tags ?? [],
    city: r.city,
    district: r.district,
    type: r.customer_type,
    cuisine: r.cuisine,
    chainId: r.chain_id === '' ? null : r.chain_id,
    monetary: cents(r.monetary),
    recencyDays: r.recency_days,
    frequency: r.frequency,
    contact: { name: r.contact_name, phone: r.phone, address: r.address },
    owner:
      r.rep_id !== null && r.team !== null ? { repId: r.rep_id, repName: r.rep_name, team: r.team } : null,
    policy: r.payment_terms === null ? null : PolicySchema.parse(policyFromColumns(policyColumns)),
  };
}
