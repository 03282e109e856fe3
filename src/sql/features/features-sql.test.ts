import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../contracts/tiering/features.js';
import { duckdbDialect } from '../dialects/duckdb.js';
import { postgresDialect } from '../dialects/postgres.js';
import { featuresSql } from './features-sql.js';
import { featureWindows } from '../../contracts/tiering/feature-params.js';

const params = { asOf: '2024-06-30', longDays: 365, shortDays: 90, unit: 'customer' } as const;

describe('featureWindows', () => {
  it('bounds whole days ending on the as-of date, across a leap day', () => {
    expect(featureWindows(params)).toEqual({
      asOf: '2024-06-30',
      cutoff: '2024-07-01',
      longStart: '2023-07-02',
      shortStart: '2024-04-02',
      previousStart: '2024-01-03',
      scanStart: '2023-07-02',
      hindsightEnd: '2024-06-01',
    });
    // The previous short window reaches before a short long window: the scan starts there.
    expect(featureWindows({ ...params, longDays: 100, shortDays: 90 }).scanStart).toBe('2024-01-03');
  });

  it('rejects what cannot be inlined safely or makes no sense', () => {
    for (const bad of [
      { ...params, asOf: "2024-06-30' OR 1=1 --" },
      { ...params, asOf: '2023-02-29' },
      { ...params, longDays: 0 },
      { ...params, shortDays: 1.5 },
      { ...params, shortDays: 400 },
    ])
      expect(() => featureWindows(bad)).toThrow(/invalid feature parameter/);
  });
});

describe('featuresSql', () => {
  it('creates the temp table with every feature, in standard SQL shared by DuckDB and PostgreSQL', () => {
    const q = featuresSql(duckdbDialect, params);
    expect(q.sql).toMatch(/^CREATE TEMP TABLE "tiering_features" AS\nWITH /);
    expect(q.params).toEqual([]);
    for (const name of FEATURE_NAMES) expect(q.sql).toContain(`AS "${name}"`);
    // No DuckDB-only shorthands: casts with ::, INTERVAL n DAY, date_diff, epoch().
    expect(q.sql).not.toMatch(/::|INTERVAL \d|date_diff|datediff|epoch\(|\bDOUBLE\)/i);
    expect(featuresSql(postgresDialect, params).sql).toBe(q.sql);
  });

  it('groups by chain only for the chain unit', () => {
    expect(featuresSql(duckdbDialect, params).sql).not.toContain('unit_parts');
    expect(featuresSql(duckdbDialect, { ...params, unit: 'chain' }).sql).toContain('GROUP BY p.unit_id');
  });
});
