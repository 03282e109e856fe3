import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, freshEngine, TEST_TZ } from '../../../test/support/engines.js';
import type { Engine } from '../../engines/engine.js';
import { importFiles } from './import-files.js';
import type { ImportRequest, ImportResult } from './import-types.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const run = (e: Engine, target: ImportRequest['target']) =>
  importFiles(e, { target, timeZone: TEST_TZ, now: NOW });

const counts = (r: ImportResult) =>
  Object.fromEntries(
    r.files.map((f) => [f.source, [f.read, f.loaded, f.updated, f.duplicates, f.quarantined]]),
  );

/** An HR roster as exported: Chinese headers and labels, lists in the separators people type. */
const ROSTER =
  '工号,姓名,团队,岗位,职级,城市,驻地纬度,驻地经度,负责区县,每周工时,技能,休假\n' +
  'R1,王芳,北京一组,大客户经理,资深,北京,39.92,116.44,朝阳区;东城区,38.5,"chain, 川菜, 粤语",2025-07-01..2025-07-05\n' +
  'R2,李强,北京一组,销售,初级,北京,39.96,116.30,,40,,\n' +
  'R3,张伟,北京二组,客服,高级,北京,39.86,116.29,丰台区、西城区,35,快餐,2025-06-20..2025-06-22；2025-08-11..2025-08-11\n';

const BAD =
  'rep_id,name,team,role,seniority,city,home_lat,home_lon,districts,capacity_points,skills,leave\n' +
  'R4,赵敏,北京二组,sales,junior,北京,39.9,116.4,朝阳区,40,,2025-07-05..2025-07-01\n' +
  'R5,孙丽,北京二组,sales,junior,北京,39.9,116.4,朝阳区,40,,2025/7/1\n' +
  'R6,周杰,北京二组,manager,junior,北京,39.9,116.4,朝阳区,0,,\n' +
  'R7,吴磊,北京二组,service,senior,北京,39.9,116.4,朝阳区,30,English,2025-07-01..2025-07-02\n';

describeEachEngine('importFiles: reps', (kind) => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  async function setup(files: Record<string, string>) {
    const db = await freshEngine(kind);
    engine = db.engine;
    const dir = await mkdtemp(join(tmpdir(), 'stratum-import-reps-'));
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    return { engine: db.engine, dir };
  }

  const stored = (e: Engine) =>
    e.all(
      `SELECT rep_id, name, team, role, seniority, city, home_lat, home_lon, districts, capacity_points, skills, leave
       FROM reps ORDER BY rep_id`,
    );

  it('loads a roster named 客户经理.csv: labels mapped, lists split into arrays, empty lists NULL', async () => {
    const { engine: e, dir } = await setup({ '客户经理.csv': ROSTER });
    const result = await run(e, { kind: 'dir', dir });
    expect(counts(result)).toEqual({ reps: [3, 3, 0, 0, 0] });
    expect(await stored(e)).toEqual([
      {
        rep_id: 'R1',
        name: '王芳',
        team: '北京一组',
        role: 'key_account',
        seniority: 'senior',
        city: '北京',
        home_lat: 39.92,
        home_lon: 116.44,
        districts: ['朝阳区', '东城区'],
        capacity_points: 38.5,
        skills: ['chain', '川菜', '粤语'],
        leave: ['2025-07-01..2025-07-05'],
      },
      {
        rep_id: 'R2',
        name: '李强',
        team: '北京一组',
        role: 'sales',
        seniority: 'junior',
        city: '北京',
        home_lat: 39.96,
        home_lon: 116.3,
        districts: null,
        capacity_points: 40,
        skills: null,
        leave: null,
      },
      {
        rep_id: 'R3',
        name: '张伟',
        team: '北京二组',
        role: 'service',
        seniority: 'senior',
        city: '北京',
        home_lat: 39.86,
        home_lon: 116.29,
        districts: ['丰台区', '西城区'],
        capacity_points: 35,
        skills: ['快餐'],
        leave: ['2025-06-20..2025-06-22', '2025-08-11..2025-08-11'],
      },
    ]);
  });

  it('imports with --source reps; a re-import with the same lists is all duplicates, a changed list updates', async () => {
    const { engine: e, dir } = await setup({ 'roster.csv': ROSTER });
    const file = join(dir, 'roster.csv');
    expect(counts(await run(e, { kind: 'file', source: 'reps', file }))).toEqual({ reps: [3, 3, 0, 0, 0] });
    expect(counts(await run(e, { kind: 'file', source: 'reps', file }))).toEqual({ reps: [3, 0, 0, 3, 0] });
    await writeFile(file, ROSTER.replace('朝阳区;东城区', '朝阳区'));
    expect(counts(await run(e, { kind: 'file', source: 'reps', file }))).toEqual({ reps: [3, 0, 1, 2, 0] });
    expect(await e.all(`SELECT districts FROM reps WHERE rep_id = 'R1'`)).toEqual([
      { districts: ['朝阳区'] },
    ]);
  });

  it('quarantines a bad leave range, role or capacity naming file, row and field', async () => {
    const { engine: e, dir } = await setup({ 'reps.csv': BAD });
    const result = await run(e, { kind: 'dir', dir });
    expect(counts(result)).toEqual({ reps: [4, 1, 0, 0, 3] });
    const file = join(dir, 'reps.csv');
    expect(result.quarantine).toEqual([
      { file, row: 2, field: 'leave', reason: '"2025-07-05..2025-07-01" ends before it starts' },
      {
        file,
        row: 3,
        field: 'leave',
        reason: '"2025/7/1" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)',
      },
      { file, row: 4, field: 'capacity_points', reason: '0 is not positive' },
      { file, row: 4, field: 'role', reason: '"manager" is not one of sales, service, key_account' },
    ]);
    expect(await e.all('SELECT rep_id, leave FROM reps')).toEqual([
      { rep_id: 'R7', leave: ['2025-07-01..2025-07-02'] },
    ]);
  });
});
