import type { Dialect } from './dialects/dialect.js';
import type { SqlParam } from './query.js';

/** Collects parameters while a statement is written; `text(v)` is a placeholder typed as text for every engine. */
export function paramList(d: Dialect) {
  const params: SqlParam[] = [];
  const add = (value: SqlParam): string => {
    params.push(value);
    return d.param(params.length);
  };
  return {
    params,
    add,
    text: (value: string | null): string => `CAST(${add(value)} AS ${d.columnType({ kind: 'text' })})`,
  };
}
