import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { defaultEnd } from '../../app/generate/generate-options.js';
import { loadTieringConfig } from '../../app/tiering/load-config.js';
import { runTiering } from '../../app/tiering/run-tiering.js';
import { registerReportCommand } from './report.js';
import { LOAD_STEPS } from '../../app/reports/load-report-data.js';

let db = '';
let dir = '';

/** `stratum report …` on the test database. */
const stratum = (...args: string[]) => runCli([registerReportCommand], ['report', ...args, '--db', db]);

beforeAll(async () => {
  const demo = await demoDatabase(100, 3, 5);
  await runTiering(demo.engine, { config: await loadTieringConfig(), asOf: defaultEnd() });
  await demo.engine.close();
  if (demo.location.kind !== 'duckdb') throw new Error('expected a DuckDB file');
  db = demo.location.path;
  dir = demo.dir;
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stratum report --period (CLI)', () => {
  it('writes the weekly report to --out, creating its directory, with a progress line per step', async () => {
    const file = join(dir, 'reports', 'nested', 'week.html');
    const r = await stratum('--period', 'week', '--lang', 'en', '--out', file);
    expect(r.code).toBe(0);
    // One line per data step, then the HTML.
    const steps = LOAD_STEPS.length + 1;
    expect(r.stderr).toMatch(new RegExp(`^\\[1/${steps}\\] Tiers of the period and the previous one\\n`));
    expect(r.stderr).toContain(`[${steps}/${steps}] Rendering HTML and charts`);
    expect(r.stderr.trim().split('\n')).toHaveLength(steps);
    const size = (await stat(file)).size;
    expect(r.stdout).toContain(`Wrote ${file} (${(size / 1024).toFixed(1)} KB)`);
    expect(await readFile(file, 'utf8')).toContain('<html lang="en">');
  });

  it('validates the options: --out with --period only, and one of the known periods, formats and languages', async () => {
    expect((await stratum('--period', 'week')).stderr).toContain('--out: is required with --period');
    expect((await stratum('--out', join(dir, 'x.html'))).stderr).toContain('--out: needs --period');
    const bad = await stratum('--period', 'day', '--format', 'docx', '--lang', 'fr', '--out', join(dir, 'x'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--period: .*--format: .*--lang: /);
    expect(
      (await stratum('--period', 'month', '--as-of', '2001-01-01', '--out', join(dir, 'y.html'))).stderr,
    ).toBe('stratum: no tiering run as of a day from 2001-01-01 to 2001-01-31 [NOT_FOUND]\n');
  });

  it('keeps the tiering report without --period', async () => {
    const r = await stratum('--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ runId: expect.any(String), tiers: expect.any(Array) });
  });
});
