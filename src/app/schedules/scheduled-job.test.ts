import { describe, expect, it } from 'vitest';
import { reportSpan } from '../reports/report-period.js';
import { fireAsOf } from './cron.js';
import { scheduledJob } from './scheduled-job.js';
import type { Schedule } from './schedules.js';

const schedule = (cron: string, action: Schedule['action']): Schedule => ({
  scheduleId: 'sch-1',
  name: 'x',
  cron,
  timeZone: 'Asia/Shanghai',
  enabled: true,
  createdBy: 'ana',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastFiredAt: null,
  lastJobId: null,
  action,
});

describe('the job a schedule fires', () => {
  it('is a tiering run as of the day before the fire time by default', () => {
    const s = schedule('0 3 * * 1', { kind: 'run' });
    const asOf = fireAsOf(s, new Date('2025-06-08T19:00:00Z')); // Monday 9 June 03:00 in Shanghai
    expect(scheduledJob(s, asOf)).toEqual({ kind: 'run', asOf: '2025-06-08', trigger: 'schedule' });
  });

  it('is a report of the ISO week just ended when fired on a Monday, of the month just ended on the 1st', () => {
    const weekly = schedule('0 6 * * 1', { kind: 'report', period: 'week', format: 'pdf', language: 'en' });
    const week = scheduledJob(weekly, fireAsOf(weekly, new Date('2025-06-08T22:00:00Z')));
    expect(week).toEqual({
      kind: 'report',
      period: 'week',
      format: 'pdf',
      language: 'en',
      asOf: '2025-06-08',
      timeZone: 'Asia/Shanghai',
      scheduleId: 'sch-1',
    });
    expect(reportSpan('week', '2025-06-08')).toMatchObject({
      label: '2025-W23',
      start: '2025-06-02',
      end: '2025-06-08',
    });

    const monthly = schedule('0 6 1 * *', {
      kind: 'report',
      period: 'month',
      format: 'html',
      language: 'zh-CN',
    });
    // 1 March 06:00 in Shanghai is still 28 February in UTC: the zone decides the day before.
    const month = scheduledJob(monthly, fireAsOf(monthly, new Date('2025-02-28T22:00:00Z')));
    expect(month).toMatchObject({ kind: 'report', period: 'month', asOf: '2025-02-28' });
    expect(reportSpan('month', '2025-02-28')).toMatchObject({ start: '2025-02-01', end: '2025-02-28' });
  });
});
