import { TIERS, type Tier } from '../../../src/contracts/tiering/tiers';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from './format';
import { tierName } from './names';

/** Rows (from) and columns (to) in this order: the tiers best first, then excluded, new and gone. */
const ORDER = [...TIERS, 'excluded', 'new', 'gone'] as const;
const rank = (v: string) => {
  const i = (ORDER as readonly string[]).indexOf(v);
  return i === -1 ? ORDER.length : i;
};

/**
 * Customers moving between tiers as a from × to table (a tier, `excluded`, `new` or `gone`), with totals; the
 * diagonal (stayed) is shaded and cells above it (moved up) and below it (moved down) are told apart.
 */
export function MigrationMatrix(props: {
  movements: readonly { readonly from: string; readonly to: string; readonly customers: number }[];
  caption: string;
  fromLabel: string;
  toLabel: string;
}) {
  const { t, lang } = useI18n();
  const label = (v: string) => {
    if ((TIERS as readonly string[]).includes(v)) return tierName(v as Tier, lang);
    if (v === 'excluded') return t('common.excluded');
    if (v === 'new') return t('common.new');
    if (v === 'gone') return t('common.gone');
    return v;
  };
  const cells = new Map<string, number>();
  for (const m of props.movements)
    cells.set(`${m.from}→${m.to}`, (cells.get(`${m.from}→${m.to}`) ?? 0) + m.customers);
  const byRank = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  const froms = [...new Set(props.movements.map((m) => m.from))].sort(byRank);
  const tos = [...new Set(props.movements.map((m) => m.to))].sort(byRank);
  const rowTotal = (f: string) => tos.reduce((s, to) => s + (cells.get(`${f}→${to}`) ?? 0), 0);
  const colTotal = (to: string) => froms.reduce((s, f) => s + (cells.get(`${f}→${to}`) ?? 0), 0);
  const direction = (f: string, to: string) => {
    if (f === to) return 'stay';
    const a = (TIERS as readonly string[]).indexOf(f);
    const b = (TIERS as readonly string[]).indexOf(to);
    if (a === -1 || b === -1) return 'other';
    return b < a ? 'up' : 'down';
  };

  if (props.movements.length === 0) return <p className="muted">{t('common.noMovements')}</p>;
  return (
    <div className="table-scroll">
      <table className="matrix">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {props.fromLabel} ↓ / {props.toLabel} →
            </th>
            {tos.map((to) => (
              <th key={to} scope="col" className="num">
                {label(to)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('common.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {froms.map((f) => (
            <tr key={f}>
              <th scope="row">{label(f)}</th>
              {tos.map((to) => {
                const n = cells.get(`${f}→${to}`) ?? 0;
                return (
                  <td key={to} className={`num cell-${direction(f, to)}${n === 0 ? ' zero' : ''}`}>
                    {formatNumber(n, lang)}
                  </td>
                );
              })}
              <td className="num total">{formatNumber(rowTotal(f), lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('common.total')}</th>
            {tos.map((to) => (
              <td key={to} className="num total">
                {formatNumber(colTotal(to), lang)}
              </td>
            ))}
            <td className="num total">
              {formatNumber(
                froms.reduce((s, f) => s + rowTotal(f), 0),
                lang,
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
