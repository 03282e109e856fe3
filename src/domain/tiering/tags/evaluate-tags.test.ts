import { describe, expect, it } from 'vitest';
import { TagRuleSchema } from '../../../contracts/tiering/config.js';
import { evaluateTags } from './evaluate-tags.js';
import type { TagInput } from './tag-input.js';

const rules = [
  TagRuleSchema.parse({ kind: 'high_potential' }),
  TagRuleSchema.parse({ kind: 'high_risk' }),
  TagRuleSchema.parse({ kind: 'churn_warning', gapFactor: 3, minGapDays: 14, frequencyDropTo: 0.3 }),
  TagRuleSchema.parse({ kind: 'detractor', maxScore: 6, withinDays: 180 }),
];
const w = { longDays: 360, shortDays: 90 };
const healthy: TagInput = {
  recency_days: 2,
  orders: 36,
  orders_recent: 9,
  growth: 0.1,
  tenure_days: 1000,
  on_time_payment_rate: 1,
  days_past_due: 0,
  disputes_open: 0,
  severe_complaints: 0,
  credit_score: 8,
  churn_probability: null,
  last_nps: 9,
  last_nps_days: 30,
  last_csat: null,
  last_csat_days: null,
  tier: 'gold',
};

describe('evaluateTags', () => {
  it('tags nothing on a healthy customer', () => {
    expect(evaluateTags(rules, healthy, w)).toEqual([]);
  });

  it('explains a churn warning in English and Chinese', () => {
    expect(evaluateTags(rules, { ...healthy, recency_days: 41 }, w)).toEqual([
      {
        tag: 'churn_warning',
        reason: {
          en: 'no order for 41 days, 4.1× the usual 10-day interval',
          zh: '已 41 天未下单，为平时间隔（10 天）的 4.1 倍',
        },
      },
    ]);
  });

  it('uses the tenure as the span of a young account, and flags a collapsed frequency', () => {
    const young = { ...healthy, tenure_days: 60, orders: 8, orders_recent: 8, recency_days: 23 };
    expect(evaluateTags(rules, young, w)[0]?.reason.en).toBe(
      'no order for 23 days, 3.1× the usual 8-day interval',
    );
    const fading = { ...healthy, orders_recent: 2, recency_days: 5 };
    expect(evaluateTags(rules, fading, w)[0]?.reason.en).toBe(
      'only 2 orders in the last 90 days, 22 % of the usual rate (9 expected)',
    );
  });

  it('lists every high-risk signal that fired and sorts tags', () => {
    const risky = {
      ...healthy,
      tier: 'bronze' as const,
      growth: 0.8,
      on_time_payment_rate: 0.615,
      days_past_due: 45,
      disputes_open: 1,
      severe_complaints: 3,
      credit_score: 3,
    };
    const tags = evaluateTags(rules, risky, w);
    expect(tags.map((t) => t.tag)).toEqual(['high_potential', 'high_risk']);
    expect(tags[0]?.reason.en).toBe(
      'purchases up 80 % on the previous 90 days, 9 orders in the last 90 days',
    );
    expect(tags[1]?.reason).toEqual({
      en:
        'paid 62 % of invoices on time (limit 70 %); oldest unpaid invoice 45 days past due; ' +
        '1 open legal dispute; 3 severe complaints in 360 days; credit rating CCC (score 3 of 9)',
      zh:
        '按时付款率 62%（下限 70%）；最早未付发票已逾期 45 天；1 起未结法律纠纷；360 天内 3 次严重投诉；' +
        '信用评级 CCC（3/9 分）',
    });
  });

  it('does not tag high potential above maxTier, nor churn below minOrders or without data', () => {
    expect(evaluateTags(rules, { ...healthy, growth: 2, tier: 'platinum' }, w)).toEqual([]);
    expect(evaluateTags(rules, { ...healthy, orders: 3, recency_days: 200 }, w)).toEqual([]);
    const unknown = Object.fromEntries(Object.keys(healthy).map((k) => [k, null])) as unknown as TagInput;
    expect(evaluateTags(rules, unknown, w)).toEqual([]);
  });

  it('tags a detractor by a low NPS or CSAT within the window only', () => {
    expect(evaluateTags(rules, { ...healthy, last_nps: 6, last_nps_days: 12 }, w)).toEqual([
      {
        tag: 'detractor',
        reason: {
          en: 'NPS 6 of 10 given 12 days ago (detractor at 6 or less)',
          zh: '12 天前 NPS 评分 6/10（6 分及以下为贬损者）',
        },
      },
    ]);
    expect(evaluateTags(rules, { ...healthy, last_nps: 7, last_nps_days: 12 }, w)).toEqual([]);
    expect(evaluateTags(rules, { ...healthy, last_nps: 2, last_nps_days: 181 }, w)).toEqual([]);
    const unhappy = { ...healthy, last_nps: 0, last_nps_days: 180, last_csat: 2, last_csat_days: 3 };
    expect(evaluateTags(rules, unhappy, w)[0]?.reason.en).toBe(
      'NPS 0 of 10 given 180 days ago (detractor at 6 or less); satisfaction 2 of 5 given 3 days ago (limit 2)',
    );
    expect(evaluateTags(rules, { ...healthy, last_csat: 3, last_csat_days: 3 }, w)).toEqual([]);
  });
});
