import { describe, expect, it } from 'vitest';
import type { Rep } from '../model.js';
import { testRep } from '../test-problem.js';
import { planWeek } from './plan-week.js';
import { VISIT_PLAN_CSV_COLUMNS, visitPlanCsv } from './visit-plan-csv.js';
import type { VisitCustomer } from '../../../contracts/allocation/week-plan.js';

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, i] = [[], '', i + 1];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const REP: Rep = testRep(
  { id: 'R07', name: '李娜', city: '上海', base: { lat: 31.23, lon: 121.47 }, leave: [] },
  0,
);

const CUSTOMERS: VisitCustomer[] = [
  {
    id: 'C001',
    name: '老王饭店, "正宗"川菜',
    tier: 'platinum',
    visitsPerMonth: 52 / 12,
    district: '黄浦区',
    address: '上海市黄浦区南京东路1号',
    location: { lat: 31.24, lon: 121.48 },
  },
  {
    id: 'C002',
    name: '小杨生煎',
    tier: null,
    visitsPerMonth: 52 / 12,
    district: '静安区',
    address: '上海市静安区\n南京西路2号',
    location: null,
  },
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `P${String(i).padStart(3, '0')}`,
    name: `电话客户${i}`,
    tier: 'bronze' as const,
    visitsPerMonth: 0,
    district: '徐汇区',
    address: `上海市徐汇区${i}号`,
    location: null,
  })),
];

describe('visitPlanCsv', () => {
  const plan = planWeek({ week: '2026-W48', rep: REP, customers: CUSTOMERS });
  const csv = visitPlanCsv(plan);

  it('starts with a BOM and the header, ends lines with CRLF', () => {
    expect(csv.startsWith(`\ufeff${VISIT_PLAN_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('reads back one row per visit and call with every field intact', () => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...VISIT_PLAN_CSV_COLUMNS]);
    expect(plan.calls.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(plan.totals.visits + plan.totals.calls);
    const records = rows.map((r) => Object.fromEntries(VISIT_PLAN_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    const wang = records.find((r) => r.customer_id === 'C001');
    const visit = plan.days.flatMap((d) => d.visits).find((v) => v.customerId === 'C001');
    expect(wang).toEqual({
      date: visit?.start.slice(0, 10),
      start: visit?.start.slice(11, 16),
      end: visit?.end.slice(11, 16),
      rep_id: 'R07',
      customer_id: 'C001',
      name: '老王饭店, "正宗"川菜',
      tier: 'platinum',
      district: '黄浦区',
      address: '上海市黄浦区南京东路1号',
      kind: 'visit',
    });
    expect(records.find((r) => r.customer_id === 'C002')).toMatchObject({
      tier: '',
      address: '上海市静安区\n南京西路2号',
      kind: 'visit',
    });
    const calls = records.filter((r) => r.kind === 'call');
    expect(calls.map((r) => r.customer_id).sort()).toEqual(plan.calls.map((c) => c.customerId).sort());
    // Time order.
    const keys = records.map((r) => `${r.date} ${r.start}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it('writes just the header for an empty plan', () => {
    const empty = planWeek({ week: '2026-W48', rep: REP, customers: [] });
    expect(visitPlanCsv(empty)).toBe(`\ufeff${VISIT_PLAN_CSV_COLUMNS.join(',')}\r\n`);
  });
});
