import type { Dialect } from '../dialects/dialect.js';
import { featureWindows, type FeatureParams, type FeatureWindows } from './params.js';

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
  /** A (quoted) table or view name. */
  table(name: string): string;
}

export function featureContext(d: Dialect, params: FeatureParams): FeatureContext {
  const windows = featureWindows(params);
  const day = (iso: string) => `DATE '${iso}'`;
  return {
    d,
    params,
    windows,
    day,
    at: (iso) => d.startOfDay(day(iso)),
    table: (name) => d.quoteIdent(name),
  };
}

export const double = (d: Dialect, expr: string): string =>
  `CAST(${expr} AS ${d.columnType({ kind: 'double' })})`;
