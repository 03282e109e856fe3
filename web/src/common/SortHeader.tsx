import { useI18n } from '../i18n/i18n';

export type Direction = 'asc' | 'desc';

/**
 * A column header that sorts the table when clicked: a button inside the <th> (keyboard reachable) and
 * aria-sort on the header of the current sort.
 */
export function SortHeader(props: {
  label: string;
  active: boolean;
  direction: Direction;
  onSort(): void;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const ariaSort = props.active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const arrow = props.active ? (props.direction === 'asc' ? '▲' : '▼') : '↕';
  return (
    <th scope="col" aria-sort={ariaSort} className={props.numeric ? 'num' : undefined}>
      <button
        type="button"
        className="sort-header"
        onClick={props.onSort}
        title={t('common.sortBy', { column: props.label })}
      >
        {props.label} <span aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}
