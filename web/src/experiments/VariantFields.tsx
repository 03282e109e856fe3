import { useI18n } from '../i18n/i18n';
import type { VariantDraft } from './draft';
import { variantLegend } from './field-label';

/** One variant of the create form: its name and what it changes (a group named Control / Treatment n). */
export function VariantFields(props: {
  index: number;
  variant: VariantDraft;
  onChange(variant: VariantDraft): void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const { variant, onChange } = props;
  const legend = variantLegend(props.index, t);
  return (
    <fieldset className="experiment-variant">
      <legend>{legend}</legend>
      <label>
        {t('experiments.form.variantName')}
        <input value={variant.name} onChange={(e) => onChange({ ...variant, name: e.target.value })} />
      </label>
      <label>
        {t('experiments.form.extraRebatePct')}
        <input
          type="number"
          min={0}
          step={0.1}
          value={variant.extraRebatePct}
          onChange={(e) => onChange({ ...variant, extraRebatePct: e.target.value })}
        />
      </label>
      <label>
        {t('experiments.form.extraVisitsPerMonth')}
        <input
          type="number"
          min={0}
          step={0.5}
          value={variant.extraVisitsPerMonth}
          onChange={(e) => onChange({ ...variant, extraVisitsPerMonth: e.target.value })}
        />
      </label>
      {props.onRemove ? (
        <button
          type="button"
          className="link danger"
          onClick={props.onRemove}
          aria-label={t('experiments.form.removeNamed', { variant: legend })}
        >
          {t('experiments.form.remove')}
        </button>
      ) : null}
    </fieldset>
  );
}
