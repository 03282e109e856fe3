import { describe, expect, it } from 'vitest';
import type { EffectSummary } from '../../../src/contracts/experiments/experiment-result';
import { effectsOption, relativeEffects } from './effects-option';

const effect = (metric: EffectSummary['metric'], control: number, estimate: number, half: number) => ({
  metric,
  control,
  treatment: control + estimate,
  estimate,
  ciLow: estimate - half,
  ciHigh: estimate + half,
  pValue: 0.5,
  cuped: true,
});

describe('the effects chart', () => {
  const effects = [
    effect('gmv', 2000, 100, 300),
    effect('churned', 0.2, -0.02, 0.01),
    effect('overdue_rate', 0, 0.01, 0.02),
  ];

  it('expresses each effect in % of the control mean and leaves out a metric whose control mean is 0', () => {
    const { shown, omitted } = relativeEffects(effects, (e) => e.metric);
    expect(shown).toEqual([
      { label: 'gmv', estimate: 5, low: -10, high: 20 },
      { label: 'churned', estimate: -10, low: -15, high: -5 },
    ]);
    expect(omitted).toEqual(['overdue_rate']);
  });

  it('draws the first metric on top, an interval excluding 0 darker, and a line at 0', () => {
    const { shown } = relativeEffects(effects, (e) => e.metric);
    const option = effectsOption(shown, { estimate: 'Effect', interval: 'CI' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['churned', 'gmv']);
    const [whiskers, points] = option.series as [
      { data: number[][] },
      { data: { itemStyle: { color: string } }[]; markLine: { data: unknown[] } },
    ];
    expect(whiskers.data).toEqual([
      [-15, -5, 0],
      [-10, 20, 1],
    ]);
    expect(points.data.map((d) => d.itemStyle.color)).toEqual(['#1e3a8a', '#60a5fa']);
    expect(points.markLine.data).toEqual([{ xAxis: 0 }]);
  });
});
