import { ATTRIBUTES, FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';
import { complaintPartsCte, disputePartsCte } from './complaints.js';
import { featureContext, type Cte, type FeatureContext } from './context.js';
import { contractPartsCte } from './contracts.js';
import { creditPartsCte } from './credit.js';
import { customerBaseCte, customerPartsCte } from './customers.js';
import { featureExpressions } from './feature-expressions.js';
import { earlierOrderCte, orderPartsCte, orderRowsCtes } from './orders.js';
import type { FeatureParams } from '../../contracts/tiering/feature-params.js';
import { invoicePartsCte } from './payments.js';
import { surveyPartsCte } from './surveys.js';
import { unitPartsCte, unitRepresentativeCte } from './units.js';

export type { FeatureParams } from '../../contracts/tiering/feature-params.js';

/**
 * `CREATE TEMP TABLE tiering_features AS …`: one row per surviving customer opened by the as-of date (or per
 * chain, customer_id then being the chain id), with customer_id, every FEATURES column as DOUBLE PRECISION (NULL
 * when undefined) and every ATTRIBUTES column. Only data up to the end of `asOf` in the session time zone is
 * read. Definitions: docs/features.md. The parameters are validated and inlined (no bind parameters, so the
 * statement also runs as a PostgreSQL utility statement).
 */
export function featuresSql(d: Dialect, params: FeatureParams): SqlQuery {
  return sql(`${d.tempTable} ${d.quoteIdent(PIPELINE_TABLES.features)} AS
${featuresQuery(featureContext(d, params))}`);
}

function featuresQuery(c: FeatureContext): string {
  const { d, params } = c;
  const chain = params.unit === 'chain';
  const ctes: Cte[] = [
    customerBaseCte(c),
    contractPartsCte(c),
    ...orderRowsCtes(c),
    orderPartsCte(c),
    earlierOrderCte(c),
    invoicePartsCte(c),
    complaintPartsCte(c),
    disputePartsCte(c),
    creditPartsCte(c),
    surveyPartsCte(c),
    customerPartsCte(c),
    ...(chain ? [unitPartsCte(), unitRepresentativeCte()] : []),
  ];
  const expressions = featureExpressions(c);
  const features = FEATURE_NAMES.map((name) => `${expressions[name]} AS ${d.quoteIdent(name)}`);
  const attributes = ATTRIBUTES.map((name) => `${chain ? 'r' : 'u'}.${d.quoteIdent(name)}`);
  const from = chain
    ? `unit_parts u\nJOIN unit_representative r ON r.unit_id = u.unit_id`
    : 'customer_parts u';
  return `WITH ${ctes.map((cte) => `${cte.name} AS (\n${cte.sql}\n)`).join(',\n')}
SELECT u.${chain ? 'unit_id' : 'customer_id'} AS customer_id,
       ${[...features, ...attributes].join(',\n       ')}
FROM ${from}
ORDER BY 1`;
}
