import { describe, expect, it } from 'vitest';
import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { cleaningReportLines } from './cleaning-report.js';

const report: CleaningReport = {
  runId: 'run-1',
  startedAt: '2024-07-01T00:00:00.000Z',
  finishedAt: '2024-07-01T00:00:02.500Z',
  durationMs: 2500,
  customers: {
    total: 3,
    namesNormalised: 1,
    branchesSplit: 1,
    addressesNormalised: 3,
    examples: [{ customerId: 'C3', raw: '蜀香閣 望京店', name: '蜀香阁(望京店)', branch: '望京店' }],
  },
  duplicates: {
    candidatePairs: 2,
    matchedPairs: 1,
    clusters: 1,
    merged: 1,
    byRule: [
      { rule: 'same_phone', count: 1 },
      { rule: 'same_address', count: 0 },
      { rule: 'same_location', count: 0 },
    ],
    examples: [
      {
        customerId: 'C3',
        name: '蜀香閣 望京店',
        survivorId: 'C1',
        survivorName: '蜀香阁（望京店）',
        rule: 'same_phone',
        score: 0.99,
        evidence: { nameSimilarity: 1, addressSimilarity: 1, distanceM: 14, samePhone: true, branch: 'same' },
      },
    ],
  },
  orders: {
    flagged: 8,
    byRule: [
      {
        rule: 'brushing',
        count: 8,
        groups: 1,
        amount: 282,
        examples: [{ orderId: 'B0', customerId: 'C4', groupId: 'B0', reason: 'burst of 8 orders' }],
      },
      { rule: 'amount_outlier', count: 0, groups: null, amount: 0, examples: [] },
    ],
  },
  refunds: {
    flagged: 0,
    byRule: [
      { rule: 'huge_refund', count: 0, amount: 0, examples: [] },
      { rule: 'refund_exceeds_order', count: 0, amount: 0, examples: [] },
    ],
  },
};

describe('cleaning report lines', () => {
  it('shows counts by rule and examples with their evidence', () => {
    const text = cleaningReportLines(report).join('\n');
    expect(text).toContain('C3  蜀香閣 望京店  →  蜀香阁(望京店)');
    expect(text).toContain(
      '[same_phone, score 0.99: name 1.00, address 1.00, 14 m apart, same phone, branch same]',
    );
    expect(text).toContain('brushing: 8 orders in 1 bursts (¥282)');
    expect(text).toContain('B0 (C4): burst of 8 orders');
    expect(text).toContain('Refunds flagged: 0');
  });
});
