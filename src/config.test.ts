import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults for the embedded mode', () => {
    expect(loadConfig({})).toEqual({
      dbPath: './data/stratum.duckdb',
      timeZone: 'Asia/Shanghai',
      memoryLimit: '1GB',
      demoPassword: 'stratum-demo',
    });
  });

  it('reads the environment and rejects what it cannot use, naming the variable', () => {
    expect(loadConfig({ STRATUM_TZ: 'Europe/Paris', STRATUM_MEMORY_LIMIT: '800MB' })).toMatchObject({
      timeZone: 'Europe/Paris',
      memoryLimit: '800MB',
    });
    expect(() => loadConfig({ STRATUM_TZ: 'Mars/Olympus' })).toThrow(/STRATUM_TZ/);
    expect(() => loadConfig({ STRATUM_MEMORY_LIMIT: 'lots' })).toThrow(/STRATUM_MEMORY_LIMIT/);
    expect(loadConfig({ STRATUM_DEMO_PASSWORD: 'tasting menu 2024' }).demoPassword).toBe('tasting menu 2024');
    expect(() => loadConfig({ STRATUM_DEMO_PASSWORD: 'short' })).toThrow(/STRATUM_DEMO_PASSWORD/);
  });
});
