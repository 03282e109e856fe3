import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEnd } from '../generate/generate-options.js';
import { defaultTieringConfigPath } from '../tiering/load-config.js';
import type { Engine } from '../../engines/engine.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import {
  activateConfigVersion,
  activeConfigVersion,
  getConfigVersion,
  listConfigVersions,
  saveConfigVersion,
} from './config-versions.js';
import { validateConfigText } from './validate-config.js';
import { whatIfVersion } from './what-if-version.js';
import { describeEachEngine } from '../../../test/support/engines.js';

describeEachEngine('config versions', (kind) => {
  const NOW = new Date('2025-06-04T04:00:00Z');
  let engine: Engine;
  let defaultYaml: string;

  beforeAll(async () => {
    ({ engine } = await demoDatabase(200, 4, 11, kind));
    defaultYaml = await readFile(defaultTieringConfigPath(), 'utf8');
  }, 120_000);
  afterAll(() => engine.close());

  describe('configuration versions', () => {
    it('seeds version 1 from the default file on first use, active', async () => {
      const versions = await listConfigVersions(engine, NOW);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: 1, active: true, createdBy: 'system' });
      expect(versions[0]!.activatedAt).toBe(NOW.toISOString());
      const active = await activeConfigVersion(engine, NOW);
      expect(active.yaml).toBe(defaultYaml);
      // Seeding again adds nothing.
      expect(await listConfigVersions(engine, NOW)).toHaveLength(1);
    });

    it('refuses an invalid configuration naming the field, and saves nothing', async () => {
      const bad = defaultYaml.replace('platinum: 5, gold: 15', 'platinum: 10, gold: 15');
      await expect(
        saveConfigVersion(engine, { yaml: bad, comment: null, author: 'ana' }, NOW),
      ).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        details: { issues: ['tiers.quotas: tier quotas must sum to 100 %'] },
      });
      expect(validateConfigText(bad)).toEqual({
        valid: false,
        issues: ['tiers.quotas: tier quotas must sum to 100 %'],
      });
      expect(validateConfigText('windows: [1').valid).toBe(false);
      expect(validateConfigText(defaultYaml)).toEqual({ valid: true, issues: [] });
      expect(await listConfigVersions(engine, NOW)).toHaveLength(1);
    });

    it('saves the next version inactive and activates exactly one', async () => {
      const yaml = defaultYaml.replace(
        'platinum: 5, gold: 15, silver: 30',
        'platinum: 10, gold: 20, silver: 20',
      );
      const saved = await saveConfigVersion(engine, { yaml, comment: 'wider top tiers', author: 'ana' }, NOW);
      expect(saved).toMatchObject({
        version: 2,
        active: false,
        comment: 'wider top tiers',
        createdBy: 'ana',
        yaml,
      });
      expect(saved.configHash).not.toBe((await getConfigVersion(engine, 1, NOW)).configHash);
      expect((await activeConfigVersion(engine, NOW)).version).toBe(1);

      const later = new Date(NOW.getTime() + 60_000);
      const activated = await activateConfigVersion(engine, 2, later);
      expect(activated).toMatchObject({ version: 2, active: true, activatedAt: later.toISOString() });
      const versions = await listConfigVersions(engine, NOW);
      expect(versions.map((v) => [v.version, v.active])).toEqual([
        [2, true],
        [1, false],
      ]);
      await expect(activateConfigVersion(engine, 99, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await activeConfigVersion(engine, NOW)).version).toBe(2);
    });

    it('compares a version with the active one without writing a run', async () => {
      const w = await whatIfVersion(engine, 1, defaultEnd(), NOW);
      expect(w).toMatchObject({ candidateVersion: 1, activeVersion: 2, currentFrom: 'active version 2' });
      expect(w.customers).toBeGreaterThan(150);
      // Version 2 has platinum 10 % and gold 20 %: going back to 5 % and 15 % moves customers down.
      expect(w.moved).toBeGreaterThan(0);
      const down = w.migration.filter((m) => m.from === 'platinum' && m.to === 'gold');
      expect(down[0]?.customers ?? 0).toBeGreaterThan(0);
      const [runs] = await engine.all('SELECT count(*) AS n FROM tiering_runs');
      expect(Number(runs?.n)).toBe(0);
    });
  });
});
