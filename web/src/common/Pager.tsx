import { useI18n } from '../i18n/i18n';

/** Previous / next buttons with the page number; `label` names the table the pager moves through. */
export function Pager(props: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  label: string;
  busy?: boolean;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={props.label}>
      <button
        type="button"
        className="secondary"
        disabled={!props.hasPrevious || props.busy}
        onClick={props.onPrevious}
      >
        {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.page', { page: props.page })}</span>
      <button
        type="button"
        className="secondary"
        disabled={!props.hasNext || props.busy}
        onClick={props.onNext}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
