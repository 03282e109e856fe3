import { useI18n } from '../i18n/i18n';

/**
 * The change of a KPI since the previous run: ▲ / ▼ with the signed value, green when it is good news and red when
 * bad (`better` says which way is good), "—" without a previous run. Screen readers hear "up"/"down" in words.
 */
export function ChangeArrow(props: {
  change: number | null;
  format: (v: number) => string;
  better: 'higher' | 'lower' | 'neutral';
  /** Changes smaller than this show as unchanged (half the last digit shown; default 0.5 for counts). */
  epsilon?: number;
}) {
  const { t } = useI18n();
  const { change } = props;
  if (change === null)
    return (
      <span className="insights-change" title={t('overview.noPrevious')}>
        —
      </span>
    );
  const direction = Math.abs(change) < (props.epsilon ?? 0.5) ? 'flat' : change > 0 ? 'up' : 'down';
  const good =
    direction === 'flat' || props.better === 'neutral'
      ? 'neutral'
      : (direction === 'up') === (props.better === 'higher')
        ? 'good'
        : 'bad';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝';
  return (
    <span className={`insights-change insights-change-${good}`}>
      <span aria-hidden="true">{arrow} </span>
      <span className="insights-sr-only">{t(`overview.change.${direction}`)} </span>
      {props.format(direction === 'flat' ? 0 : change)}
    </span>
  );
}
