import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../dialects/duckdb.js';
import { churnPopulationSql } from './churn-population-sql.js';

describe('churnPopulationSql', () => {
  it('bounds the active and label windows by whole days in the session zone', () => {
    const sql = churnPopulationSql(duckdbDialect, { asOf: '2024-03-31', activeDays: 60, windowDays: 30 });
    expect(sql).toMatch(/^CREATE TEMP TABLE "churn_population" AS/);
    expect(sql).toContain(`o.ordered_at >= CAST(DATE '2024-02-01' AS TIMESTAMPTZ)`);
    expect(sql).toContain(`o.ordered_at < CAST(DATE '2024-05-01' AS TIMESTAMPTZ)`);
    expect(sql).toContain(`FILTER (WHERE o.ordered_at < CAST(DATE '2024-04-01' AS TIMESTAMPTZ)) > 0`);
  });

  it('reads nothing after the as-of date without a label window', () => {
    const sql = churnPopulationSql(duckdbDialect, { asOf: '2024-03-31', activeDays: 60 });
    expect(sql).toContain('CAST(NULL AS INTEGER) AS churned');
    expect(sql).not.toContain('2024-05-01');
  });

  it('rejects what cannot be inlined safely', () => {
    for (const bad of [
      { asOf: "2024-03-31' OR 1=1 --", activeDays: 60 },
      { asOf: '2024-02-30', activeDays: 60 },
      { asOf: '2024-03-31', activeDays: 1.5 },
      { asOf: '2024-03-31', activeDays: 60, windowDays: 0 },
    ])
      expect(() => churnPopulationSql(duckdbDialect, bad)).toThrow(/invalid churn parameter/);
  });
});
