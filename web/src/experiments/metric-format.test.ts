import { describe, expect, it } from 'vitest';
import {
  formatInterval,
  formatMetricChange,
  formatMetricValue,
  formatPValue,
  metricKind,
  pValueText,
} from './metric-format';

describe('experiment metric formatting', () => {
  it('reads money in yuan, orders with 2 decimals and shares in % (their differences in points)', () => {
    expect(formatMetricValue(metricKind('gmv'), 1234.5, 'en')).toBe('¥1,234.50');
    expect(formatMetricChange(metricKind('margin'), -12, 'en')).toBe('-¥12.00');
    expect(formatMetricValue(metricKind('orders_per_month'), 2.345, 'en')).toBe('2.35');
    expect(formatMetricValue(metricKind('churned'), 0.125, 'en')).toBe('12.5%');
    expect(formatMetricChange(metricKind('repurchase'), 0.031, 'en')).toBe('+3.1 pp');
  });

  it('prints an interval of differences with their signs', () => {
    expect(formatInterval('money', -450.294, 618.18, 'en')).toBe('[-¥450.29, +¥618.18]');
  });

  it('never rounds a tiny p-value to 0', () => {
    expect([formatPValue(1e-23), formatPValue(0.0424), formatPValue(Number.NaN)]).toEqual([
      '< 0.001',
      '0.042',
      '—',
    ]);
    expect([pValueText(1e-23), pValueText(0.76)]).toEqual(['p < 0.001', 'p = 0.760']);
  });
});
