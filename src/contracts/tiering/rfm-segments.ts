/**
 * RFM segments of the rfm_quintile model, from its recency quintile R (1–5) and FM = round-half-up((F + M) / 2)
 * (1–5). Grid rows are R = 5 … 1, columns FM = 1 … 5; docs/configuration.md prints it.
 */
export const RFM_SEGMENTS = [
  'champions',
  'loyal_customers',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_NAMES: Readonly<Record<RfmSegment, { readonly zh: string; readonly en: string }>> = {
  champions: { zh: '冠军客户', en: 'Champions' },
  loyal_customers: { zh: '忠诚客户', en: 'Loyal customers' },
  potential_loyalists: { zh: '潜在忠诚客户', en: 'Potential loyalists' },
  new_customers: { zh: '新客户', en: 'New customers' },
  promising: { zh: '有潜力客户', en: 'Promising' },
  need_attention: { zh: '需关注客户', en: 'Need attention' },
  about_to_sleep: { zh: '即将沉睡客户', en: 'About to sleep' },
  at_risk: { zh: '流失风险客户', en: 'At risk' },
  cant_lose_them: { zh: '不能失去的客户', en: "Can't lose them" },
  hibernating: { zh: '沉睡客户', en: 'Hibernating' },
  lost: { zh: '已流失客户', en: 'Lost' },
};

type Row = readonly [RfmSegment, RfmSegment, RfmSegment, RfmSegment, RfmSegment];

/** RFM_SEGMENT_GRID[R][FM - 1]. */
export const RFM_SEGMENT_GRID: Readonly<Record<1 | 2 | 3 | 4 | 5, Row>> = {
  5: ['new_customers', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal_customers', 'loyal_customers'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal_customers', 'loyal_customers'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['lost', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
};

/** FM from the F and M quintiles: their mean rounded half up (1–5). */
export const rfmFm = (f: number, m: number): number => Math.floor((f + m + 1) / 2);
