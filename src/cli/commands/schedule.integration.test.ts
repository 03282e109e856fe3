import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { defaultTieringConfigPath } from '../../app/tiering/load-config.js';
import { registerConfigCommand } from './config.js';
import { registerScheduleCommand } from './schedule.js';

let dir = '';
let db = '';

/** `stratum schedule|config …` on the test database. */
const stratum = (...args: string[]) =>
  runCli([registerScheduleCommand, registerConfigCommand], [...args, '--db', db]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-cli-schedule-'));
  db = join(dir, 'stratum.duckdb');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stratum schedule and stratum config (CLI)', () => {
  it('adds, lists and removes schedules on the database file', async () => {
    const added = await stratum('schedule', 'add', '--name', 'weekly', '--cron', '0 3 * * 1', '--json');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const s = JSON.parse(added.stdout) as { scheduleId: string; timeZone: string; nextRunAt: string };
    expect(s.timeZone).toBe('Asia/Shanghai');
    expect(new Date(s.nextRunAt).getUTCDay()).toBe(0); // Monday 03:00 in Shanghai is Sunday 19:00 UTC
    const monthly = await stratum(
      'schedule',
      'add',
      '--name',
      'monthly',
      '--cron',
      '0 3 1 * *',
      '--tz',
      'UTC',
    );
    expect(monthly.stdout).toMatch(
      /^Added sch-\w+ {2}monthly {2}"0 3 1 \* \*" {2}UTC {2}next \d{4}-\d{2}-01 03:00 UTC/,
    );

    const list = await stratum('schedule', 'list');
    expect(list.stdout).toContain(`${s.scheduleId}  weekly  "0 3 * * 1"  Asia/Shanghai  next `);
    expect(list.stdout).toMatch(/next \d{4}-\d{2}-\d{2} 03:00 Asia\/Shanghai {2}last -/);

    const bad = await stratum('schedule', 'add', '--name', 'x', '--cron', '0 3 * *');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^stratum: cron: .* \[INVALID_ARGUMENT\]\n$/);

    expect((await stratum('schedule', 'remove', s.scheduleId)).stdout).toBe(
      `Removed ${s.scheduleId} (weekly).\n`,
    );
    const after = JSON.parse((await stratum('schedule', 'list', '--json')).stdout) as { name: string }[];
    expect(after.map((x) => x.name)).toEqual(['monthly']);
    expect((await stratum('schedule', 'remove', s.scheduleId)).stderr).toMatch(/\[NOT_FOUND\]/);
  });

  it('adds a schedule that generates a report instead of a run', async () => {
    const added = await stratum(
      'schedule',
      'add',
      '--name',
      'weekly report',
      '--cron',
      '0 6 * * 1',
      '--report',
      'week',
      '--format',
      'pdf',
      '--lang',
      'en',
      '--json',
    );
    expect(added.stderr).toBe('');
    const s = JSON.parse(added.stdout) as { scheduleId: string; action: unknown };
    expect(s.action).toEqual({ kind: 'report', period: 'week', format: 'pdf', language: 'en' });
    const list = await stratum('schedule', 'list');
    expect(list.stdout).toMatch(new RegExp(`${s.scheduleId} {2}weekly report .* {2}report week pdf en\\n`));
    expect(list.stdout).toMatch(/ {2}monthly .* {2}run\n/);

    const stray = await stratum('schedule', 'add', '--name', 'x', '--cron', '0 6 * * 1', '--lang', 'en');
    expect(stray.code).toBe(1);
    expect(stray.stderr).toMatch(/--format and --lang go with --report .*\[INVALID_ARGUMENT\]/);
    expect((await stratum('schedule', 'remove', s.scheduleId)).code).toBe(0);
  });

  it('saves, lists and activates configuration versions', async () => {
    const yaml = (await readFile(defaultTieringConfigPath(), 'utf8')).replace(
      'platinum: 5, gold: 15, silver: 30',
      'platinum: 10, gold: 20, silver: 20',
    );
    await writeFile(join(dir, 'wide.yaml'), yaml);
    await writeFile(join(dir, 'bad.yaml'), yaml.replace('longDays: 365', 'longDays: -1'));
    const bad = await stratum('config', 'save', '--file', join(dir, 'bad.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/windows\.longDays: .*\[CONFIG_INVALID\]/);
    const saved = await stratum(
      'config',
      'save',
      '--file',
      join(dir, 'wide.yaml'),
      '--comment',
      'wider',
      '--json',
    );
    expect(JSON.parse(saved.stdout)).toMatchObject({ version: 2, active: false, comment: 'wider' });
    expect((await stratum('config', 'activate', '2')).stdout).toBe('Version 2 is active.\n');
    const list = (await stratum('config', 'list')).stdout.split('\n');
    expect(list[0]).toMatch(/^\* version 2 /);
    expect(list[1]).toMatch(/^ {2}version 1 .* system /);
    expect((await stratum('config', 'show', '2')).stdout).toBe(yaml);
  });
});
