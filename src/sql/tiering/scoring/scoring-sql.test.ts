import { describe, expect, it } from 'vitest';
import { ModelSpecSchema, TiersConfigSchema } from '../../../contracts/tiering/config.js';
import { duckdbDialect } from '../../dialects/duckdb.js';
import { num } from './literals.js';
import { nextDay, scoringSql } from './scoring-sql.js';
import { tierBoundariesSql } from './tier-boundaries-sql.js';

const config = {
  models: {
    seed: ModelSpecSchema.parse({ kind: 'seed_rfm' }),
    rfm: ModelSpecSchema.parse({ kind: 'rfm_quintile' }),
  },
  primaryModel: 'rfm',
  tiers: TiersConfigSchema.parse({ scope: 'city' }),
};

describe('scoringSql', () => {
  it('creates tiering_scored through a working table it drops', () => {
    const statements = scoringSql(duckdbDialect, config, '2024-06-30');
    expect(statements.map((s) => s.split('\n')[0]?.slice(0, 50))).toEqual([
      'DROP TABLE IF EXISTS "tiering_scored"',
      'DROP TABLE IF EXISTS "tiering_model_scores"',
      'CREATE TEMP TABLE "tiering_model_scores" AS',
      'CREATE TEMP TABLE "tiering_scored" AS',
      'DROP TABLE "tiering_model_scores"',
    ]);
    expect(statements[3]).toContain(`CAST(DATE '2024-07-01' AS TIMESTAMPTZ)`);
    expect(statements[2]).toContain('"score_seed"');
    expect(statements[2]).toContain('"score_rfm"');
  });

  it('refuses an as-of date that is not YYYY-MM-DD, and a primary model that is not configured', () => {
    expect(() => scoringSql(duckdbDialect, config, "2024-06-30'; DROP TABLE x; --")).toThrow(/YYYY-MM-DD/);
    expect(() => scoringSql(duckdbDialect, { ...config, primaryModel: 'nope' }, '2024-06-30')).toThrow(
      /primaryModel/,
    );
  });

  it('writes non-integers as exact doubles', () => {
    expect(num(3)).toBe('3');
    expect(num(-2)).toBe('(-2)');
    expect(num(0.1)).toBe(`CAST('0.1' AS DOUBLE PRECISION)`);
    expect(() => num(NaN)).toThrow(/finite/);
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it('groups boundaries by the scope attribute', () => {
    expect(tierBoundariesSql(duckdbDialect, 'city')).toContain('f."city" AS scope_value');
    expect(tierBoundariesSql(duckdbDialect, 'all')).toContain('CAST(NULL AS VARCHAR) AS scope_value');
  });
});
