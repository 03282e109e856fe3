import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import type { CombinedPart } from '../../contracts/tiering/chain-combine.js';
import type { FeatureParams } from '../../contracts/tiering/feature-params.js';
import { STATIC_FEATURES, type StaticFeature } from '../../contracts/tiering/static-features.js';
import { complaintPartsCte } from '../features/complaints.js';
import {
  double,
  featureContext,
  importedIdsCte,
  type Cte,
  type FeatureContext,
} from '../features/context.js';
import { contractPartsCte } from '../features/contracts.js';
import { creditPartsCte } from '../features/credit.js';
import { customerBaseCte, staticCustomerPartsCte } from '../features/customers.js';
import { featureExpressions } from '../features/feature-expressions.js';
import { earlierOrderCte, orderScanCtes } from '../features/orders.js';
import { surveyPartsCte } from '../features/surveys.js';
import { unitPartsCte, unitRepresentativeCte } from '../features/units.js';
import type { Dialect } from '../dialects/dialect.js';
import { textValues } from '../placeholders.js';
import { prepared, sql, type SqlParam, type SqlQuery } from '../query.js';

/** The statements that read the order stream's inputs of some units (UnitInputs), or of all. */
export interface UnitInputsQueries {
  /**
   * Per surviving customer: its unit, the unit's static features, contract_expected and attributes, its own parts,
   * and the number of the unit's last stream decision (read first, so that a decision committed after any of these
   * reads takes the number the reader would write next: its insert then fails instead of missing the change).
   */
  readonly customers: SqlQuery;
  /** The completed orders of the scan with their refunds. */
  readonly orders: SqlQuery;
  readonly invoices: SqlQuery;
  readonly disputes: SqlQuery;
}

/** The parts of customer_parts each static feature is computed from (featureExpressions). */
const PARTS_OF: Record<StaticFeature, readonly CombinedPart[]> = {
  tenure_days: ['first_created'],
  contract_amount: ['contract_amount'],
  credit_score: ['credit_score'],
  seats: ['seats'],
  stores: ['stores'],
  delivery_cost: ['delivery_cost'],
  competition_index: ['competition_index'],
  last_nps: ['last_nps'],
  last_nps_days: ['last_nps_day'],
  last_csat: ['last_csat'],
  last_csat_days: ['last_csat_day'],
  predicted_margin: [],
  churn_probability: [],
};

/** The parts a unit's static features and contract_expected (for contract_fulfilment) are combined from. */
const STATIC_PARTS: readonly CombinedPart[] = [...Object.values(PARTS_OF).flat(), 'contract_expected'];

/** The fewest id slots of a restricted read: ids are padded with NULLs to a power of two (prepared statements). */
const MIN_ID_SLOTS = 8;

/**
 * The rows featuresSql computes the features of some units from (those of the surviving customers `customerIds`,
 * their merged duplicates and, with `unit: chain`, every branch of their chains), or of every unit (null), as of
 * `params.asOf`: read with featuresSql's own CTEs, so that the same rows are seen.
 */
export function unitInputsSql(
  d: Dialect,
  params: FeatureParams,
  customerIds: readonly string[] | null,
): UnitInputsQueries {
  const scope = customerIds === null ? null : someUnits(d, params, customerIds);
  const c = scope?.context ?? featureContext(d, params);
  const leading = scope?.leading ?? [];
  const query = (ctes: readonly Cte[], select: string): SqlQuery => {
    const text = `${ctes.length === 0 ? '' : `WITH ${ctes.map((t) => `${t.name} AS (\n${t.sql}\n)`).join(',\n')}\n`}${select}`;
    return scope === null ? sql(text) : prepared(sql(text, scope.params));
  };
  const asOf = c.day(c.windows.asOf);
  return {
    customers: query([...leading, ...customerCtes(c)], customersSelect(c)),
    orders: query(
      [...leading, ...orderScanCtes(c)],
      `SELECT o.customer_id, o.order_id, o.ordered_at, o.amount, o.gross_margin, COALESCE(f.refunded, 0) AS refunded
FROM order_scan o
LEFT JOIN order_refunds f ON f.order_id = o.order_id`,
    ),
    invoices: query(
      leading,
      `SELECT v.customer_id, v.invoice_id, v.due_date, v.amount, v.paid_date, v.paid_amount
FROM ${c.table('invoices_clean')} v
WHERE v.issued_date <= ${asOf}`,
    ),
    disputes: query(
      leading,
      `SELECT x.customer_id, x.dispute_id, x.opened_date, x.closed_date, x.status
FROM ${c.table('disputes_clean')} x
WHERE x.opened_date <= ${asOf}`,
    ),
  };
}

function someUnits(
  d: Dialect,
  params: FeatureParams,
  customerIds: readonly string[],
): { leading: Cte[]; context: FeatureContext; params: SqlParam[] } {
  if (customerIds.length === 0) throw new Error('unitInputsSql needs at least one customer or null');
  const slots = Math.max(MIN_ID_SLOTS, 2 ** Math.ceil(Math.log2(customerIds.length)));
  const listed: Cte = {
    name: 'feature_listed',
    sql: `SELECT customer_id FROM (${textValues(d, slots)}) AS l (customer_id)`,
  };
  const scope = importedIdsCte(d, `SELECT customer_id FROM ${listed.name}`, params.unit, 'feature_scope');
  return {
    leading: [listed, scope],
    context: featureContext(d, params, `SELECT customer_id FROM ${scope.name}`),
    params: [...customerIds, ...Array<null>(slots - customerIds.length).fill(null)],
  };
}

function customerCtes(c: FeatureContext): Cte[] {
  const chain = c.params.unit === 'chain';
  return [
    customerBaseCte(c),
    contractPartsCte(c),
    creditPartsCte(c),
    surveyPartsCte(c),
    earlierOrderCte(c),
    complaintPartsCte(c),
    staticCustomerPartsCte(),
    ...(chain ? [unitPartsCte(STATIC_PARTS), unitRepresentativeCte()] : []),
  ];
}

function customersSelect(c: FeatureContext): string {
  const { d } = c;
  const chain = c.params.unit === 'chain';
  const expressions = featureExpressions(c);
  const statics = FEATURE_NAMES.filter((f) => (STATIC_FEATURES as readonly string[]).includes(f)).map(
    (f) => `${expressions[f]} AS ${d.quoteIdent(f)}`,
  );
  const attributes = ATTRIBUTES.map((a) => `${chain ? 'r' : 'u'}.${d.quoteIdent(a)}`);
  const unit = chain
    ? `JOIN unit_parts u ON u.unit_id = b.unit_id
JOIN unit_representative r ON r.unit_id = b.unit_id`
    : 'JOIN customer_parts u ON u.customer_id = b.customer_id';
  return `SELECT b.customer_id, b.unit_id, ${[...statics, ...attributes].join(', ')},
       ${double(d, 'u.contract_expected')} AS contract_expected, k.contract_from_at, e.last_at AS earlier_last_at,
       COALESCE(p.complaints_long, 0) AS complaints_long, COALESCE(p.severe_long, 0) AS severe_long,
       (SELECT max(s.decision_no) FROM stream_decisions s WHERE s.customer_id = b.unit_id) AS decision_no
FROM customer_base b
${unit}
LEFT JOIN contract_parts k ON k.customer_id = b.customer_id
LEFT JOIN earlier_order e ON e.customer_id = b.customer_id
LEFT JOIN complaint_parts p ON p.customer_id = b.customer_id
ORDER BY b.unit_id, b.customer_id`;
}

/** How many surviving customers there are (whether every unit fits in a worker's cache). */
export const countCustomersSql = (): SqlQuery => sql(`SELECT count(*) AS n FROM customers_clean`);
