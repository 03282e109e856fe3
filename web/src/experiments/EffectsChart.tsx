import { useMemo } from 'react';
import { EChart } from '../charts/EChart';
import { useI18n } from '../i18n/i18n';
import { effectsOption, relativeEffects } from './effects-option';
import { metricLabel } from './labels';
import type { VariantComparison } from './types';

/** The effects of one treatment on every metric as % of the control's mean, with their 95 % intervals. */
export function EffectsChart({ comparison }: { comparison: VariantComparison }) {
  const { t } = useI18n();
  const { shown, omitted } = useMemo(
    () => relativeEffects(comparison.effects, (e) => metricLabel(e.metric, t)),
    [comparison, t],
  );
  const option = useMemo(
    () =>
      effectsOption(shown, {
        estimate: t('experiments.chart.estimate'),
        interval: t('experiments.chart.interval'),
      }),
    [shown, t],
  );
  const summary = shown.map((e) => `${e.label} ${e.estimate}% [${e.low}%, ${e.high}%]`).join('; ');
  return (
    <figure className="effects-figure">
      <EChart
        option={option}
        label={`${t('experiments.chart.label', { variant: comparison.variant })}: ${summary}`}
        height={Math.max(200, shown.length * 44 + 60)}
      />
      <figcaption className="muted small">
        {t('experiments.chart.caption')}
        {omitted.length > 0 ? ` ${t('experiments.chart.omitted', { metrics: omitted.join(', ') })}` : ''}
      </figcaption>
    </figure>
  );
}
