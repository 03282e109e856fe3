import { REP_ROLES, SENIORITIES } from '../../allocation/roles.js';
import { dateRanges, double, oneOf, positive, text, textList } from '../column.js';
import type { TableDef } from '../table.js';

/**
 * Account managers, the owners allocation assigns customers to (the domain's `Rep`). List columns (`districts`,
 * `skills`, `leave`) take their items separated by `;` (also `,`, `|`, `、`, a line break, full-width `；` `，`) or
 * a JSON array; an empty cell is an empty list.
 *
 * Workload model behind `capacity_points` (the allocation solver uses the same, `src/domain/allocation/workload.ts`):
 * one point = one hour per week. A customer costs, per week, the tier policy's visits (visitsPerMonth × 12 / 52;
 * default policy: platinum 4, gold 2, silver 1, bronze 0 a month), each 40 minutes on site plus the drive from the
 * rep's base (about 20 minutes; one leg per visit, as a day's route chains them), plus phone and service time of
 * 30 / 10 / 4 / 2 minutes a week for platinum / gold / silver / bronze. With tier shares of 5 / 15 / 30 / 50 % that
 * is about 16 minutes (0.27 points) per customer and week; `stratum generate` gives each city's reps together about 1.2× their city's
 * expected workload, ±20 % between reps.
 */
export const reps: TableDef = {
  name: 'reps',
  title: 'Account managers',
  origin: 'HR / CRM sales-force roster (客户经理名册)',
  description:
    'One row per account manager (rep): team, role, seniority, home base, the districts they cover, weekly capacity in workload points (hours), skills and leave. Allocation assigns customers to them; customer_owners says who owns each account today. Lists (districts, skills, leave) are separated by `;` (or `,` `|` `、`); leave items are inclusive ranges `YYYY-MM-DD..YYYY-MM-DD`.',
  primaryKey: ['rep_id'],
  foreignKeys: [],
  onExistingKey: 'update',
  fileAliases: ['rep', 'account_managers', 'account_manager', 'sales_reps', '客户经理', '销售人员', '业务员'],
  columns: [
    {
      name: 'rep_id',
      type: text,
      required: true,
      description: 'Id of the rep (as customer_owners.rep_id)',
      aliases: ['客户经理编号', '业务员编号', '销售编号', '员工编号', '工号'],
    },
    {
      name: 'name',
      type: text,
      required: true,
      description: 'Name of the rep',
      aliases: ['姓名', '客户经理姓名', '业务员姓名', '员工姓名', 'rep_name'],
    },
    {
      name: 'team',
      type: text,
      required: true,
      description: 'Team of the rep (usually a city or district team)',
      aliases: ['团队', '销售团队', '所属团队'],
    },
    {
      name: 'role',
      type: oneOf(REP_ROLES, {
        销售: 'sales',
        销售代表: 'sales',
        客服: 'service',
        服务: 'service',
        客户服务: 'service',
        大客户: 'key_account',
        大客户经理: 'key_account',
        KA: 'key_account',
        'key account': 'key_account',
        'key-account': 'key_account',
      }),
      required: true,
      description:
        'sales = field sales; service = retention and phone service; key_account = chains and Platinum accounts',
      aliases: ['角色', '岗位'],
    },
    {
      name: 'seniority',
      type: oneOf(SENIORITIES, { 初级: 'junior', 普通: 'junior', 资深: 'senior', 高级: 'senior' }),
      required: true,
      description: 'junior or senior; Platinum and chain accounts go to senior or key-account managers',
      aliases: ['职级', '级别'],
    },
    {
      name: 'city',
      type: text,
      required: true,
      description: 'City the rep works in (as customers.city)',
      aliases: ['城市', '所在城市', '市'],
    },
    {
      name: 'home_lat',
      type: double,
      required: true,
      unit: 'degrees (WGS-84)',
      checks: [
        { kind: 'min', value: -90 },
        { kind: 'max', value: 90 },
      ],
      description: 'Latitude of the home base the rep’s visits start from',
      aliases: ['驻地纬度', '纬度'],
    },
    {
      name: 'home_lon',
      type: double,
      required: true,
      unit: 'degrees (WGS-84)',
      checks: [
        { kind: 'min', value: -180 },
        { kind: 'max', value: 180 },
      ],
      description: 'Longitude of the home base the rep’s visits start from',
      aliases: ['驻地经度', '经度'],
    },
    {
      name: 'districts',
      type: textList,
      required: false,
      description:
        'Districts of the city the rep covers, e.g. `朝阳区;东城区` (as customers.district); empty = the whole city',
      aliases: ['负责区域', '负责区县', '覆盖区县', '片区', '区域'],
    },
    {
      name: 'capacity_points',
      type: double,
      required: true,
      unit: 'workload points (hours) per week',
      checks: [positive],
      description:
        'Workload the rep can take per week: visits (40 min on site plus the drive from the base) and phone/service time, in hours',
      aliases: ['产能', '容量', '每周工时', '工作量上限', 'capacity'],
    },
    {
      name: 'skills',
      type: textList,
      required: false,
      description:
        'Skills, e.g. `chain;川菜;粤语`: `chain` (may own chain accounts), cuisines (as customers.cuisine), languages (粤语, English…)',
      aliases: ['技能', '专长', '擅长'],
    },
    {
      name: 'leave',
      type: textList,
      required: false,
      checks: [dateRanges],
      description:
        'Leave as inclusive date ranges `YYYY-MM-DD..YYYY-MM-DD`, several separated by `;`, e.g. `2025-07-01..2025-07-05;2025-08-11..2025-08-11`',
      aliases: ['休假', '请假', '休假日期', '假期'],
    },
  ],
};
