import { assertUnreachable } from '../../contracts/assert-unreachable.js';
import type { Dialect } from '../dialects/dialect.js';

/** JSON construction per engine: webhook payloads are built where the data lives. */
export interface JsonSql {
  /** A JSON object from [key literal, SQL expression] pairs; SQL NULL becomes JSON null. */
  object(pairs: readonly (readonly [string, string])[]): string;
  /** One JSON object per group from key and value expressions (an aggregate). */
  objectAgg(key: string, value: string): string;
  /** A JSON value parsed from a text expression. */
  parse(text: string): string;
  /** The JSON text of a JSON expression. */
  text(json: string): string;
}

const key = (k: string): string => `'${k.replaceAll("'", "''")}'`;
const pairList = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([k, v]) => `${key(k)}, ${v}`).join(', ');

export function jsonSql(d: Dialect): JsonSql {
  switch (d.kind) {
    case 'duckdb':
      return {
        object: (pairs) => `json_object(${pairList(pairs)})`,
        objectAgg: (k, v) => `json_group_object(${k}, ${v})`,
        parse: (t) => `CAST(${t} AS JSON)`,
        text: (j) => `CAST(${j} AS VARCHAR)`,
      };
    case 'postgres':
      return {
        object: (pairs) => `json_build_object(${pairList(pairs)})`,
        objectAgg: (k, v) => `json_object_agg(${k}, ${v})`,
        parse: (t) => `CAST(${t} AS JSON)`,
        text: (j) => `CAST(${j} AS TEXT)`,
      };
    default:
      return assertUnreachable(d.kind, 'engine kind');
  }
}
