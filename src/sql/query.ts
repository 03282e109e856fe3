import type { TextRowsRelation } from './dialects/dialect.js';

export type SqlParam = string | number | boolean | null;

/** A statement and its positional parameters ($1, $2, …), built without being run. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /**
   * Run often with other parameters: the engine may keep it prepared for the session, parsed and planned once
   * (PostgreSQL: a named statement). For a few texts only (pad lists of values to a few lengths): each is kept.
   */
  readonly prepared?: boolean;
}

export const sql = (text: string, params: readonly SqlParam[] = []): SqlQuery => ({ sql: text, params });

/** The query, marked to be kept prepared by the engine (SqlQuery.prepared). */
export const prepared = (q: SqlQuery): SqlQuery => ({ ...q, prepared: true });

/** A statement reading a Dialect.textRows relation: its parameters, kept prepared when its text does not vary. */
export const withTextRows = (text: string, relation: TextRowsRelation): SqlQuery => ({
  sql: text,
  params: relation.params,
  prepared: relation.fixedText,
});
