import { describe, expect, it } from 'vitest';
import type { Rep } from '../model.js';
import { testRep } from '../test-problem.js';
import { planWeek } from './plan-week.js';
import { visitPlanIcs, visitTitle } from './visit-plan-ics.js';
import type { VisitCustomer, WeekPlan } from '../../../contracts/allocation/week-plan.js';

const REP: Rep = testRep(
  {
    id: 'R07',
    name: '李娜',
    city: '上海',
    base: { lat: 31.23, lon: 121.47 },
    leave: [{ from: '2026-11-25', to: '2026-11-25' }],
  },
  0,
);

const customers: VisitCustomer[] = Array.from({ length: 12 }, (_, i) => ({
  id: `C${String(i).padStart(3, '0')}`,
  name: i === 0 ? '上海老城隍庙南翔小笼包馆（豫园总店）, "百年老字号"' + '特色'.repeat(20) : `饭店${i}`,
  tier: (['platinum', 'gold', 'silver'] as const)[i % 3] ?? null,
  visitsPerMonth: 52 / 12,
  district: i < 6 ? '黄浦区' : '徐汇区',
  address:
    i === 11
      ? '漕溪北路11号'
      : `上海市${i < 6 ? '黄浦区' : '徐汇区'}某某路${i}号${'临街铺面'.repeat(i === 0 ? 15 : 0)}`,
  location: { lat: 31.2 + 0.01 * i, lon: 121.45 + 0.005 * i },
}));

const plan = planWeek({ week: '2026-W48', rep: REP, customers });
const visits = plan.days.flatMap((d) => d.visits);

/** Content lines with folding undone. */
const unfold = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const events = (ics: string): Map<string, string>[] => {
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return out;
};
const unescapeText = (s: string) => s.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
/** 2026-11-23T09:30:00+08:00 → 20261123T013000Z, by subtracting 8 hours from the wall clock. */
const utcOfShanghai = (local: string): string => {
  const [y, mo, d, h, mi] = local.match(/\d+/g)?.map(Number) ?? [];
  const iso = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, (h ?? 0) - 8, mi)).toISOString();
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
};

describe('visitPlanIcs', () => {
  const ics = visitPlanIcs(plan);

  it('is a calendar named after the rep and week, with one event per visit', () => {
    expect(visits.length).toBe(12);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(unfold(ics)).toContain('X-WR-CALNAME:李娜 2026-W48 拜访计划');
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(visits.length);
    expect(events(ics)).toHaveLength(visits.length);
  });

  it('writes each visit: title, UTC start and end, location, description, stable unique UID', () => {
    const byUid = new Map(events(ics).map((e) => [e.get('UID'), e]));
    expect(byUid.size).toBe(visits.length);
    for (const v of visits) {
      const e = byUid.get(`2026-W48-R07-${v.customerId}-1@stratum`);
      expect(e).toBeDefined();
      expect(e?.get('DTSTART')).toBe(utcOfShanghai(v.start));
      expect(e?.get('DTEND')).toBe(utcOfShanghai(v.end));
      expect(unescapeText(e?.get('SUMMARY') ?? '')).toBe(visitTitle(v));
      const location = v.customerId === 'C011' ? '漕溪北路11号（徐汇区）' : v.address; // the district added when missing
      expect(unescapeText(e?.get('LOCATION') ?? '')).toBe(location);
      const description = unescapeText(e?.get('DESCRIPTION') ?? '');
      expect(description).toContain(v.customerId);
      expect(description).toMatch(/Platinum|Gold|Silver/);
    }
    const first = visits.find((v) => v.customerId === 'C000');
    expect(visitTitle(first ?? visits[0]!)).toMatch(/^拜访 上海老城隍庙.*（铂金）$/);
    expect(utcOfShanghai('2026-11-23T09:30:00+08:00')).toBe('20261123T013000Z');
  });

  it('is the same text on every call', () => {
    expect(visitPlanIcs(plan)).toBe(ics);
    expect(visitPlanIcs(planWeek({ week: '2026-W48', rep: REP, customers: [...customers].reverse() }))).toBe(
      ics,
    );
    expect(unfold(visitPlanIcs(plan, { stampMs: Date.UTC(2026, 10, 20, 8, 0, 0) }))).toContain(
      'DTSTAMP:20261120T080000Z',
    );
  });

  it('folds every line at 75 octets at most, never inside a character', () => {
    const lines = ics.split('\r\n');
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    // The long title and address were folded, and unfold back whole.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(lines.filter((l) => l.startsWith('\t'))).toEqual([]);
    expect(ics).not.toMatch(/\uFFFD/);
  });

  it('writes an empty calendar for a week without visits', () => {
    const empty = visitPlanIcs(planWeek({ week: '2026-W48', rep: REP, customers: [] }));
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).not.toContain('BEGIN:VEVENT');
  });

  it('throws a clear Error when the ics package refuses an event', () => {
    const day = plan.days.find((d) => d.visits.length > 0);
    const broken: WeekPlan = {
      ...plan,
      days: [{ ...day!, visits: [{ ...day!.visits[0]!, start: 'not a time' }] }],
    };
    expect(() => visitPlanIcs(broken)).toThrow(
      /cannot write the visit plan of R07 for 2026-W48 as iCalendar: /,
    );
  });
});
