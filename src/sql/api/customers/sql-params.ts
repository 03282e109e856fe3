import type { Dialect } from '../../dialects/dialect.js';
import type { SqlParam } from '../../query.js';

/** Collects positional parameters while a statement is assembled: `add(value)` returns its placeholder. */
export class SqlParams {
  readonly values: SqlParam[] = [];

  constructor(private readonly d: Dialect) {}

  add(value: SqlParam): string {
    this.values.push(value);
    return this.d.param(this.values.length);
  }
}
