import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StratumError } from '../../contracts/errors.js';
import { defaultTieringConfigPath, loadTieringConfig, parseTieringConfig } from './load-config.js';

describe('loadTieringConfig', () => {
  it('loads and validates the default config', async () => {
    const c = await loadTieringConfig();
    expect(c.primaryModel).toBe('seed');
    expect(Object.keys(c.models).sort()).toEqual(['growth', 'profit', 'quintile', 'seed']);
    expect(c.tags.map((t) => t.kind).sort()).toEqual([
      'churn_warning',
      'detractor',
      'high_potential',
      'high_risk',
    ]);
    expect(c.policies.tiers.platinum.service.dedicatedManager).toBe(true);
    expect(c.policies.tiers.bronze.credit.terms).toBe('prepaid');
    expect(c.policies.tags.churn_warning?.map((a) => a.kind)).toEqual(['coupon', 'visit_task']);
    expect(c.policies.tags.detractor).toEqual([{ kind: 'visit_task', withinDays: 7 }]);
  });

  it('names the file and the key path of every issue', async () => {
    const text = (await readFile(defaultTieringConfigPath(), 'utf8'))
      .replace('platinum: 5, gold: 15', 'platinum: 10, gold: 15')
      .replace('minGrowth: 0.5', 'minGrowth: "lots"');
    const error = (() => {
      try {
        parseTieringConfig(text, 'config.yaml');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StratumError);
    const e = error as StratumError<'CONFIG_INVALID'>;
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.details.file).toBe('config.yaml');
    expect(e.details.issues).toContain('tiers.quotas: tier quotas must sum to 100 %');
    expect(e.details.issues.some((i) => i.startsWith('tags[0].minGrowth: '))).toBe(true);
    expect(e.message).toContain('config.yaml: ');
    expect(e.message).toContain('tiers.quotas: tier quotas must sum to 100 %');
  });

  it('reports YAML syntax errors and unreadable files', async () => {
    expect(() => parseTieringConfig('version: [1', 'bad.yaml')).toThrow(/^bad\.yaml: /);
    const dir = await mkdtemp(join(tmpdir(), 'stratum-config-'));
    try {
      await writeFile(join(dir, 'c.yaml'), 'version: 2\n');
      await expect(loadTieringConfig(join(dir, 'c.yaml'))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
      await expect(loadTieringConfig(join(dir, 'missing.yaml'))).rejects.toMatchObject({
        code: 'FILE_UNREADABLE',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
