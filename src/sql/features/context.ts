import { cleanView } from '../cleaning/views.js';
import type { Dialect } from '../dialects/dialect.js';
import {
  featureWindows,
  type FeatureParams,
  type FeatureWindows,
} from '../../contracts/tiering/feature-params.js';

/** One named subquery of the features statement's WITH clause. */
export interface Cte {
  readonly name: string;
  readonly sql: string;
}

/** What every CTE builder of the features statement needs: the dialect, the parameters and the window bounds. */
export interface FeatureContext {
  readonly d: Dialect;
  readonly params: FeatureParams;
  readonly windows: FeatureWindows;
  /** A DATE literal of a validated YYYY-MM-DD. */
  day(iso: string): string;
  /** The instant a validated YYYY-MM-DD day starts at in the session time zone. */
  at(iso: string): string;
  /** A (quoted) table or view name, or a subquery reading only the customers of the restriction. */
  table(name: string): string;
}

/**
 * `only`: a subquery of imported customer ids (importedIdsCte); every customer-keyed source is then read for those
 * ids only, filtered at the raw tables under the *_clean views where indexes serve it.
 */
export function featureContext(d: Dialect, params: FeatureParams, only?: string): FeatureContext {
  const windows = featureWindows(params);
  const day = (iso: string) => `DATE '${iso}'`;
  return {
    d,
    params,
    windows,
    day,
    at: (iso) => d.startOfDay(day(iso)),
    table: (name) => {
      const view = only === undefined ? undefined : cleanView(name);
      return view ? `(${view.select(d, only)})` : d.quoteIdent(name);
    },
  };
}

/**
 * The imported customer ids behind the surviving ids `listed` (a subquery) — the listed customers, the duplicates
 * merged into them and, with `unit: chain`, every branch of their chains — whose rows give exactly the listed
 * units' rows of the full feature computation (every feature is a function of one unit's own rows).
 */
export function importedIdsCte(d: Dialect, listed: string, unit: FeatureParams['unit'], name: string): Cte {
  const q = d.quoteIdent;
  const wanted =
    unit === 'chain'
      ? `${listed} UNION SELECT b.customer_id FROM ${q('customers')} b
           JOIN ${q('customers')} a ON a.chain_id = b.chain_id AND a.chain_id <> ''
           WHERE a.customer_id IN (${listed})`
      : listed;
  return {
    name,
    sql: `SELECT customer_id FROM (${wanted}) w
UNION SELECT m.customer_id FROM ${q('customer_merges')} m WHERE m.survivor_id IN (${wanted})`,
  };
}

export const double = (d: Dialect, expr: string): string =>
  `CAST(${expr} AS ${d.columnType({ kind: 'double' })})`;
