import { describe, expect, it } from 'vitest';
import { describeLocation, parseLocation } from './registry.js';

describe('engine locations', () => {
  it('reads a path as a DuckDB file and a postgres:// URL with its schema parameter', () => {
    expect(parseLocation('./data/stratum.duckdb')).toEqual({ kind: 'duckdb', path: './data/stratum.duckdb' });
    expect(
      parseLocation('postgresql://app:s3cret@db.internal:5433/stratum?schema=tenant_a&sslmode=require'),
    ).toEqual({
      kind: 'postgres',
      url: 'postgresql://app:s3cret@db.internal:5433/stratum?sslmode=require',
      schema: 'tenant_a',
    });
    expect(parseLocation('postgres://db/stratum')).toEqual({
      kind: 'postgres',
      url: 'postgres://db/stratum',
    });
  });

  it('describes a location without its password', () => {
    const text = describeLocation(parseLocation('postgres://app:s3cret@db:5432/stratum?schema=a'));
    expect(text).toBe('postgres://app:***@db:5432/stratum (schema a)');
    expect(text).not.toContain('s3cret');
  });
});
