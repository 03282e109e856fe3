import { POLICY_COLUMNS } from '../../../contracts/tiering/pipeline-tables.js';
import { personalColumnsSql } from '../../access/masking-sql.js';
import type { Dialect } from '../../dialects/dialect.js';

/**
 * Customer rows of a run: the snapshot `s` joined with the cleaned master data `c` (customers_clean) and the owner
 * `o` (customer_owners_clean). Callers add `WHERE s.run_id = …` and their conditions.
 */
export const customerRowsFromSql = (d: Dialect): string => `FROM ${d.quoteIdent('tier_snapshots')} s
LEFT JOIN ${d.quoteIdent('customers_clean')} c ON c.customer_id = s.customer_id
LEFT JOIN ${d.quoteIdent('customer_owners_clean')} o ON o.customer_id = s.customer_id`;

/** The columns of a customer row; personal data (phone, contact name, exact address) masked unless `visible`. */
export function customerColumnsSql(d: Dialect, visible: boolean): string {
  const personal = personalColumnsSql(d, 'c', visible);
  const s = (name: string) => `s.${d.quoteIdent(name)}`;
  return [
    's.customer_id',
    'COALESCE(c.name, s.name) AS name',
    's.tier',
    's.tier_reason',
    's.score',
    's.rank_pct',
    's.segment',
    's.tags',
    's.tag_reasons',
    'COALESCE(s.city, c.city) AS city',
    'COALESCE(s.district, c.district) AS district',
    'COALESCE(s.customer_type, c.customer_type) AS customer_type',
    'COALESCE(s.cuisine, c.cuisine) AS cuisine',
    'COALESCE(s.chain_id, c.chain_id) AS chain_id',
    's.monetary',
    's.recency_days',
    's.frequency',
    `${personal.contactName} AS contact_name`,
    `${personal.phone} AS phone`,
    `${personal.address} AS address`,
    'o.rep_id',
    'o.rep_name',
    'o.team',
    ...POLICY_COLUMNS.map(s),
  ].join(',\n  ');
}
