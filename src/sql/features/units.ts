import { CHAIN_COMBINE, type CombinedPart } from '../../contracts/tiering/chain-combine.js';
import type { Cte } from './context.js';

/** One row per chain (and per single customer): the combined parts (all, or some of them). */
export function unitPartsCte(
  parts: readonly CombinedPart[] = Object.keys(CHAIN_COMBINE) as CombinedPart[],
): Cte {
  const columns = parts.map((col) => `${CHAIN_COMBINE[col]}(p.${col}) AS ${col}`);
  return {
    name: 'unit_parts',
    sql: `SELECT p.unit_id, ${columns.join(',\n       ')}
FROM customer_parts p
GROUP BY p.unit_id`,
  };
}

/**
 * The attributes of each unit: those of its oldest branch (earliest opened, then smallest id), with the chain's
 * brand as its name. A single customer is its own oldest branch and keeps its name.
 */
export function unitRepresentativeCte(): Cte {
  return {
    name: 'unit_representative',
    sql: `SELECT r.unit_id, r.customer_type, r.chain_id, r.cuisine, r.city, r.district, r.name
FROM (
  SELECT p.unit_id, p.customer_type, p.chain_id, p.cuisine, p.city, p.district,
         CASE WHEN p.chain_id IS NULL THEN p.name ELSE COALESCE(p.brand, p.name) END AS name,
         ROW_NUMBER() OVER (PARTITION BY p.unit_id ORDER BY p.first_created, p.customer_id) AS rn
  FROM customer_parts p
) r
WHERE r.rn = 1`,
  };
}
