import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../app/accounts/audit.js';
import { defaultTieringConfigPath } from '../../../app/tiering/load-config.js';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('configs API', (kind) => {
  let server: ApiTestServer;
  let defaultYaml: string;

  beforeAll(async () => {
    server = await apiTestServer({ demo: { customers: 200, months: 4, weeks: 1 }, engine: kind });
    defaultYaml = await readFile(defaultTieringConfigPath(), 'utf8');
  }, 120_000);
  afterAll(() => server.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  describe('configuration versions API', () => {
    it('starts with the default file as active version 1, readable by managers but not viewers', async () => {
      const manager = await server.as('manager', { team: 'east' });
      const list = await inject('GET', '/configs', manager);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ items: [{ version: 1, active: true, createdBy: 'system' }] });
      const one = await inject('GET', '/configs/1', manager);
      expect(one.json<{ yaml: string }>().yaml).toBe(defaultYaml);
      expect((await inject('GET', '/configs/active', manager)).json()).toMatchObject({ version: 1 });
      expect((await inject('GET', '/configs', await server.as('viewer'))).statusCode).toBe(403);
      expect((await inject('POST', '/configs', manager, { yaml: defaultYaml })).statusCode).toBe(403);
    });

    it('refuses a configuration that fails validation, naming the field', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const bad = defaultYaml
        .replace('platinum: 5, gold: 15', 'platinum: 10, gold: 15')
        .replace('longDays: 365', 'longDays: -1');
      const r = await inject('POST', '/configs', analyst, { yaml: bad, comment: 'oops' });
      expect(r.statusCode).toBe(400);
      const error = r.json<{ error: { code: string; message: string; details: { issues: string[] } } }>()
        .error;
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.details.issues).toContain('tiers.quotas: tier quotas must sum to 100 %');
      expect(error.details.issues.some((i) => i.startsWith('windows.longDays: '))).toBe(true);
      expect(error.message).toContain('windows.longDays');

      const v = await inject('POST', '/configs/validate', analyst, { yaml: bad });
      expect(v.statusCode).toBe(200);
      expect(v.json<{ valid: boolean; issues: string[] }>().valid).toBe(false);
      expect(v.json<{ issues: string[] }>().issues).toContain('tiers.quotas: tier quotas must sum to 100 %');
      expect((await inject('POST', '/configs/validate', analyst, { yaml: defaultYaml })).json()).toEqual({
        valid: true,
        issues: [],
      });
      expect((await inject('POST', '/configs', analyst, { comment: 'no yaml' })).json()).toMatchObject({
        error: { code: 'INVALID_ARGUMENT', details: { field: 'body.yaml' } },
      });
      expect((await inject('GET', '/configs', analyst)).json<{ items: unknown[] }>().items).toHaveLength(1);
    });

    it('saves a version, compares it with the active one, activates it, and runs use it', async () => {
      const analyst = await server.as('analyst', { username: 'ana' });
      const yaml = defaultYaml.replace(
        'platinum: 5, gold: 15, silver: 30',
        'platinum: 10, gold: 20, silver: 20',
      );
      const saved = await inject('POST', '/configs', analyst, { yaml, comment: 'wider top tiers' });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({
        version: 2,
        active: false,
        comment: 'wider top tiers',
        createdBy: 'ana',
      });

      const w = await inject('POST', '/configs/2/whatif', analyst, {});
      expect(w.statusCode).toBe(200);
      const whatIf = w.json<{
        candidateVersion: number;
        activeVersion: number;
        currentFrom: string;
        moved: number;
        migration: { from: string; to: string; customers: number }[];
      }>();
      expect(whatIf).toMatchObject({
        candidateVersion: 2,
        activeVersion: 1,
        currentFrom: 'active version 1',
      });
      expect(whatIf.moved).toBeGreaterThan(0);
      expect(
        whatIf.migration.find((m) => m.from === 'gold' && m.to === 'platinum')?.customers,
      ).toBeGreaterThan(0);
      expect(
        (await inject('POST', '/configs/2/whatif', await server.as('manager', { team: 'east' }), {}))
          .statusCode,
      ).toBe(403);
      expect((await inject('POST', '/configs/9/whatif', analyst, {})).statusCode).toBe(404);

      const activated = await inject('POST', '/configs/2/activate', analyst);
      expect(activated.statusCode).toBe(200);
      expect(activated.json()).toMatchObject({ version: 2, active: true });
      const versions = (await inject('GET', '/configs', analyst)).json<{
        items: { version: number; active: boolean }[];
      }>();
      expect(versions.items.map((v) => [v.version, v.active])).toEqual([
        [2, true],
        [1, false],
      ]);
      const audit = await listAudit(server.engine, server.engine.dialect, { limit: 50 });
      expect(
        audit.filter((a) => a.action.startsWith('config.')).map((a) => [a.action, a.actor, a.target]),
      ).toEqual([
        ['config.activated', 'ana', 'version 2'],
        ['config.created', 'ana', 'version 2'],
      ]);

      const run = await inject('POST', '/runs', analyst, {});
      expect(run.statusCode).toBe(202);
      const { jobId } = run.json<{ jobId: string }>();
      let job: { status: string; params: { configVersion: number } } | null = null;
      for (let i = 0; i < 600 && !(job && ['succeeded', 'failed'].includes(job.status)); i++) {
        await new Promise((r) => setTimeout(r, 25));
        job = (await inject('GET', `/jobs/${jobId}`, analyst)).json();
      }
      expect(job).toMatchObject({ status: 'succeeded', params: { configVersion: 2 } });
      const runs = (await inject('GET', '/runs', analyst)).json<{
        items: { configVersion: number | null }[];
      }>();
      expect(runs.items[0]!.configVersion).toBe(2);
    });
  });
});
