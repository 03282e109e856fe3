import { describe, expect, it } from 'vitest';
import { REP_ROLES, SENIORITIES } from '../../allocation/roles.js';
import { rowSchema, rowValidator } from '../row-schema.js';
import { reps } from './reps.js';

const ctx = { now: new Date('2025-06-01T00:00:00Z'), timeZone: 'Asia/Shanghai' };
const validate = rowValidator(reps, ctx);

const row = (over: Record<string, string | null> = {}) => ({
  rep_id: 'R0001',
  name: '王芳',
  team: '北京一组',
  role: '大客户经理',
  seniority: '资深',
  city: '北京',
  home_lat: '39.92',
  home_lon: '116.44',
  districts: '朝阳区;东城区',
  capacity_points: '38.5',
  skills: 'chain，川菜、粤语',
  leave: '2025-07-01..2025-07-05; 2025-08-11..2025-08-11',
  ...over,
});

describe('reps table', () => {
  it('carries every field of the allocation Rep, roles and seniorities as the domain spells them', () => {
    expect(reps.columns.map((c) => [c.name, c.type.kind, c.required])).toEqual([
      ['rep_id', 'text', true],
      ['name', 'text', true],
      ['team', 'text', true],
      ['role', 'enum', true],
      ['seniority', 'enum', true],
      ['city', 'text', true],
      ['home_lat', 'double', true],
      ['home_lon', 'double', true],
      ['districts', 'text_list', false],
      ['capacity_points', 'double', true],
      ['skills', 'text_list', false],
      ['leave', 'text_list', false],
    ]);
    const role = reps.columns.find((c) => c.name === 'role')!.type;
    const seniority = reps.columns.find((c) => c.name === 'seniority')!.type;
    expect(role.kind === 'enum' && role.values).toEqual(REP_ROLES);
    expect(seniority.kind === 'enum' && seniority.values).toEqual(SENIORITIES);
    for (const c of reps.columns) expect(c.aliases.length, c.name).toBeGreaterThan(0);
  });

  it('turns a roster row into canonical text: labels mapped, lists as JSON arrays', () => {
    expect(validate(row())).toEqual({
      ok: true,
      row: {
        rep_id: 'R0001',
        name: '王芳',
        team: '北京一组',
        role: 'key_account',
        seniority: 'senior',
        city: '北京',
        home_lat: '39.92',
        home_lon: '116.44',
        districts: '["朝阳区","东城区"]',
        capacity_points: '38.5',
        skills: '["chain","川菜","粤语"]',
        leave: '["2025-07-01..2025-07-05","2025-08-11..2025-08-11"]',
      },
    });
  });

  it('reads empty lists as NULL (no districts = the whole city)', () => {
    const r = validate(row({ districts: '', skills: ' ; ', leave: null }));
    expect(r.ok && [r.row.districts, r.row.skills, r.row.leave]).toEqual([null, null, null]);
  });

  it.each([
    ['leave', '2025-07-05..2025-07-01', '"2025-07-05..2025-07-01" ends before it starts'],
    [
      'leave',
      '2025-07-01..2025-07-05;2025/8/1',
      '"2025/8/1" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)',
    ],
    ['capacity_points', '0', '0 is not positive'],
    ['role', 'manager', '"manager" is not one of sales, service, key_account'],
    ['seniority', 'lead', '"lead" is not one of junior, senior'],
    ['home_lat', '', 'is required but empty'],
  ])('rejects %s = %j, naming the field', (field, value, reason) => {
    expect(validate(row({ [field]: value }))).toEqual({ ok: false, issues: [{ field, reason }] });
  });

  it('agrees with the zod row schema', () => {
    const schema = rowSchema(reps, ctx);
    const good = schema.safeParse(row());
    const bad = schema.safeParse(row({ leave: '2025-07-05..2025-07-01' }));
    expect(good.success && good.data).toEqual((validate(row()) as { row: unknown }).row);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['leave', '"2025-07-05..2025-07-01" ends before it starts'],
    ]);
  });
});
