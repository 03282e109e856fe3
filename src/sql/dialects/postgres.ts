import { baseDialect } from './base.js';
import type { Dialect } from './dialect.js';

export const postgresDialect: Dialect = {
  ...baseDialect,
  kind: 'postgres',
};
