import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import {
  RecommendationSettingsSchema,
  type CustomerRecommendations,
  type RecommendationSettings,
} from '../../contracts/recommendations/recommendations.js';
import { rankByPeers } from '../../domain/recommendations/rank-by-peers.js';
import type { Engine } from '../../engines/engine.js';
import { customerRowSql } from '../../sql/api/customers/customer-detail-sql.js';
import { survivorOfSql } from '../../sql/tiering/explain.js';
import { runOf } from '../customers/run-of.js';
import { lineSpan } from '../forecast/line-span.js';
import { loadPeerAdoption, loadTargets } from './load-baskets.js';

export interface RecommendCustomerRequest {
  readonly customerId: string;
  /** Last day of the history to use; default the last day with order lines up to `latest`. */
  readonly asOf?: string | undefined;
  readonly latest: string;
  readonly limit: number;
  readonly settings?: Partial<RecommendationSettings> | undefined;
  /** The API caller's scope: a customer outside it (in the latest run) is NOT_FOUND; the CLI sees everyone. */
  readonly scope?: CustomerScope | undefined;
}

/**
 * The SKUs a customer's peers buy and the customer never has, best first, each with its reason
 * (docs/recommendations.md). A merged duplicate id is answered through its survivor.
 */
export async function recommendForCustomer(
  engine: Engine,
  r: RecommendCustomerRequest,
): Promise<CustomerRecommendations> {
  const d = engine.dialect;
  const settings = RecommendationSettingsSchema.parse(r.settings ?? {});
  const [merge] = await engine.read(survivorOfSql(d, r.customerId));
  const customerId = merge ? String(merge.survivor_id) : r.customerId;
  const notFound = () =>
    stratumError('NOT_FOUND', `no customer ${r.customerId}`, { what: 'customer', id: r.customerId });
  if (r.scope && r.scope.kind !== 'all') {
    const run = await runOf(engine);
    const [visible] = await engine.read(
      customerRowSql(d, { runId: run.runId, customerId, scope: r.scope, personalVisible: false }),
    );
    if (!visible) throw notFound();
  }
  const asOf = r.asOf ?? (await lineSpan(engine, r.latest)).lastDay;
  const window = { asOf, lookbackDays: settings.lookbackDays };
  const targets = { kind: 'customer', customerId } as const;
  const [customer] = await loadTargets(engine, window, targets);
  if (!customer) throw notFound();
  const ranking = rankByPeers(
    customer,
    await loadPeerAdoption(engine, window, targets, settings.minPeers),
    settings,
    r.limit,
  );
  return {
    customerId,
    mergedFrom: merge ? r.customerId : null,
    asOf,
    settings,
    peers: ranking.peers,
    boughtSkus: customer.bought.size,
    recommendations: ranking.recommendations,
  };
}
