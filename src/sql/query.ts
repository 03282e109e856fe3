export type SqlParam = string | number | boolean | null;

/** A statement and its positional parameters ($1, $2, …), built without being run. */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

export const sql = (text: string, params: readonly SqlParam[] = []): SqlQuery => ({ sql: text, params });
