import { formatDate, formatDateTime, formatNumber, formatShare, NONE } from '../common/format';
import { Empty } from '../common/states';
import { useI18n } from '../i18n/i18n';
import type { RoundSummary } from './types';

/** Applied allocation rounds, newest first: when, by whom, on which run, and the plan's figures. */
export function RoundsList({ rounds }: { rounds: readonly RoundSummary[] }) {
  const { t, lang } = useI18n();
  if (rounds.length === 0) return <Empty>{t('allocation.noRounds')}</Empty>;
  return (
    <div className="table-scroll">
      <table className="compact allocation-rounds">
        <caption className="visually-hidden">{t('allocation.roundsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.col.appliedAt')}</th>
            <th scope="col">{t('allocation.col.appliedBy')}</th>
            <th scope="col">{t('allocation.col.run')}</th>
            <th scope="col" className="num">
              {t('allocation.col.assigned')}
            </th>
            <th scope="col" className="num">
              {t('allocation.col.unassigned')}
            </th>
            <th scope="col" className="num">
              {t('allocation.col.moves')}
            </th>
            <th scope="col" className="num">
              {t('allocation.col.gap')}
            </th>
            <th scope="col" className="num">
              {t('allocation.col.gini')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.roundId}>
              <th scope="row">
                {formatDateTime(r.appliedAt)}
                <div className="muted small">{r.roundId}</div>
              </th>
              <td>{r.appliedBy ?? NONE}</td>
              <td>
                {formatDate(r.asOf)} <span className="muted small">{r.runId}</span>
              </td>
              <td className="num">{formatNumber(r.assigned, lang)}</td>
              <td className="num">{formatNumber(r.unassigned, lang)}</td>
              <td className="num">{formatNumber(r.moves, lang)}</td>
              <td className="num">{formatShare(r.gap, lang, 2)}</td>
              <td className="num">{formatNumber(r.workloadGini, lang, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
