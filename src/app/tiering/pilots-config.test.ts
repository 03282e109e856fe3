import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StratumError } from '../../contracts/errors.js';
import { defaultTieringConfigPath, parseTieringConfig } from './load-config.js';
import { pilotOfCity, segmentConfig, tieringSegments } from '../../domain/tiering/pilots.js';

const withPilots = (pilots: string) =>
  `${readFileSync(defaultTieringConfigPath(), 'utf8')}\npilots:\n${pilots}`;

const issuesOf = (pilots: string): string[] => {
  try {
    parseTieringConfig(withPilots(pilots), 'pilot.yaml');
  } catch (e) {
    if (e instanceof StratumError) return (e as StratumError<'CONFIG_INVALID'>).details.issues;
    throw e;
  }
  return [];
};

describe('pilots', () => {
  const config = parseTieringConfig(
    withPilots(`  - name: profit-pilot
    cities: [成都, 杭州]
    primaryModel: profit
    tiers: { quotas: { platinum: 10, gold: 20, silver: 30, bronze: 40 } }
  - name: quintile
    cities: [西安]
    models: { q: { kind: rfm_quintile } }
    primaryModel: q
`),
    'pilot.yaml',
  );

  it('splits a run into the national segment and one per pilot, pilots inheriting what they leave out', () => {
    const segments = tieringSegments(config);
    const profitCities = { kind: 'cities', cities: ['成都', '杭州'] };
    const quintileCities = { kind: 'cities', cities: ['西安'] };
    expect(segments.map((s) => [s.pilot, s.selector, s.excluded])).toEqual([
      [null, null, [profitCities, quintileCities]],
      ['profit-pilot', profitCities, []],
      ['quintile', quintileCities, [profitCities]],
    ]);
    const profit = segmentConfig(config, 'profit-pilot');
    expect(profit.primaryModel).toBe('profit');
    expect(profit.models).toBe(config.models);
    expect(profit.tiers.quotas.platinum).toBe(10);
    expect(profit.tiers.hysteresis).toEqual({ marginPct: 2, runs: 2 });
    expect(profit.policies).toBe(config.policies);
    expect(profit.pilots).toEqual([]);
    expect(Object.keys(segmentConfig(config, 'quintile').models)).toEqual(['q']);
    expect(segmentConfig(config, null).tiers.quotas.platinum).toBe(5);
    expect(() => segmentConfig(config, 'nope')).toThrow('no pilot "nope"');
  });

  it('finds the pilot of a city', () => {
    expect(pilotOfCity(config, '杭州')).toBe('profit-pilot');
    expect(pilotOfCity(config, '北京')).toBeNull();
    expect(pilotOfCity(config, null)).toBeNull();
  });

  it('refuses a city in two pilots, a repeated name, an unknown primary model and a pilot churn model', () => {
    const issues = issuesOf(`  - name: a
    cities: [成都]
  - name: a
    cities: [成都]
    primaryModel: nope
  - name: b
    cities: [北京]
    tags: [{ kind: churn_warning, model: { file: churn.json } }]
  - name: Bad Name
    cities: []
  - name: both
    cities: [上海]
    experiment: { name: e, variant: v }
  - name: ab1
    experiment: { name: e, variant: v }
  - name: ab2
    experiment: { name: e, variant: v }
`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'pilots[1].name: pilot name "a" is used twice',
        'pilots[1].cities: city 成都 is in pilots "a" and "a": a city follows one configuration',
        'pilots[1].primaryModel: primaryModel "nope" is not one of the pilot’s models',
        expect.stringMatching(/^pilots\[2\]\.tags: a pilot’s churn_warning rule cannot name a churn model/),
        expect.stringMatching(/^pilots\[3\]\.name: /),
        expect.stringMatching(/^pilots\[3\]\.cities: /),
        'pilots[4].cities: give either cities or experiment, not both',
        'pilots[6].experiment: variant v of experiment e is in two pilots',
      ]),
    );
  });
});
