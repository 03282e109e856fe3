import { TIERS } from '../../../src/contracts/tiering/tiers';
import { formatDate, formatDateTime, formatDuration, formatNumber, NONE } from '../common/format';
import { tierName } from '../common/names';
import { Pager } from '../common/Pager';
import { Empty } from '../common/states';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { RunList } from './types';

const TRIGGERS: Readonly<Record<string, MessageKey>> = {
  run: 'runs.trigger.run',
  backfill: 'runs.trigger.backfill',
  schedule: 'runs.trigger.schedule',
};

/** Committed runs, newest first: as of, customers, customers per tier, duration, how it was started. */
export function RunHistory(props: {
  runs: RunList;
  offset: number;
  pageSize: number;
  onOffset(offset: number): void;
  busy: boolean;
}) {
  const { t, lang } = useI18n();
  const { runs, offset, pageSize } = props;
  if (runs.total === 0) return <Empty>{t('runs.none')}</Empty>;
  return (
    <>
      <div className="table-scroll">
        <table className="compact" aria-busy={props.busy}>
          <caption className="visually-hidden">{t('runs.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('runs.col.asOf')}</th>
              <th scope="col" className="num">
                {t('runs.col.customers')}
              </th>
              {TIERS.map((tier) => (
                <th key={tier} scope="col" className={`num tier-${tier}`}>
                  {tierName(tier, lang)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('common.excluded')}
              </th>
              <th scope="col" className="num">
                {t('runs.col.duration')}
              </th>
              <th scope="col">{t('runs.col.trigger')}</th>
              <th scope="col">{t('runs.col.config')}</th>
              <th scope="col">{t('runs.col.finished')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.items.map((r) => (
              <tr key={r.runId}>
                <th scope="row">
                  {formatDate(r.asOf)}
                  <div className="muted small">{r.runId}</div>
                </th>
                <td className="num">{formatNumber(r.customers, lang)}</td>
                {TIERS.map((tier) => (
                  <td key={tier} className="num">
                    {formatNumber(r.tiers?.[tier], lang)}
                  </td>
                ))}
                <td className="num">{formatNumber(r.excluded, lang)}</td>
                <td className="num">{formatDuration(r.durationMs, lang)}</td>
                <td>{TRIGGERS[r.trigger] ? t(TRIGGERS[r.trigger]!) : r.trigger}</td>
                <td>
                  {r.configVersion === null ? NONE : `v${r.configVersion}`}{' '}
                  <span className="muted small">{r.primaryModel}</span>
                </td>
                <td>{formatDateTime(r.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label={t('runs.pager')}
        page={Math.floor(offset / pageSize) + 1}
        hasPrevious={offset > 0}
        hasNext={offset + pageSize < runs.total}
        busy={props.busy}
        onPrevious={() => props.onOffset(Math.max(0, offset - pageSize))}
        onNext={() => props.onOffset(offset + pageSize)}
      />
    </>
  );
}
