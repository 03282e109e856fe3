import type { FromKey, Migration, ToKey } from '../../../src/contracts/insights/migration';
import { formatNumber } from '../common/format';
import { useI18n } from '../i18n/i18n';
import { keyName } from './key-names';

/**
 * The migration matrix as a table (what the Sankey draws, readable by screen readers and keyboards): one row per
 * cell, with a button listing its customers when the caller may see customer rows.
 */
export function MatrixTable(props: {
  migration: Migration;
  selected: { from: FromKey; to: ToKey } | null;
  onSelect?: (from: FromKey, to: ToKey) => void;
}) {
  const { t, lang } = useI18n();
  const { migration, selected, onSelect } = props;
  return (
    <div className="insights-table-wrap">
      <table>
        <caption className="insights-sr-only">{t('migration.matrixTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('migration.col.from')}</th>
            <th scope="col">{t('migration.col.to')}</th>
            <th scope="col" className="num">
              {t('migration.col.customers')}
            </th>
            {onSelect ? <th scope="col">{t('migration.col.drill')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {migration.matrix.map((c) => {
            const isSelected = selected?.from === c.from && selected.to === c.to;
            return (
              <tr key={`${c.from}>${c.to}`} className={isSelected ? 'insights-selected' : undefined}>
                <td>{keyName(c.from, lang, t)}</td>
                <td>{keyName(c.to, lang, t)}</td>
                <td className="num">{formatNumber(c.customers, lang)}</td>
                {onSelect ? (
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-pressed={isSelected}
                      onClick={() => onSelect(c.from, c.to)}
                    >
                      {t('migration.showCustomers')}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
