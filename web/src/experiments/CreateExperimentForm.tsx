import { useState } from 'react';
import {
  EXPERIMENT_METRICS,
  RANDOMISATION_UNITS,
  STRATA,
  type ExperimentMetric,
  type RandomisationUnit,
} from '../../../src/contracts/experiments/experiment-spec';
import { TIERS } from '../../../src/contracts/tiering/tiers';
import { api, ApiError } from '../api/client';
import { tierName } from '../common/names';
import { ErrorView } from '../common/states';
import { useI18n } from '../i18n/i18n';
import { emptyVariant, initialDraft, specBody, type ExperimentDraft } from './draft';
import { fieldLabel } from './field-label';
import { metricLabel, stratumLabel, unitLabel } from './labels';
import type { Experiment } from './types';
import { VariantFields } from './VariantFields';

/** Adds or removes one value of a set kept as an array, in the order of `all`. */
function toggle<V>(all: readonly V[], chosen: readonly V[], value: V, on: boolean): V[] {
  return all.filter((v) => (v === value ? on : chosen.includes(v)));
}

/** The field an API error names: validation errors carry it; a name already taken is about the name. */
function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'CONFLICT') return 'name';
  const field = (error.details as { field?: unknown } | null)?.field;
  return error.code === 'INVALID_ARGUMENT' && typeof field === 'string' ? field : null;
}

/**
 * A new experiment (experiments.manage): population, unit, strata, the control and its treatments, start,
 * pre-period and primary metric. The server validates it and its answer names the wrong field.
 */
export function CreateExperimentForm({ onCreated }: { onCreated(experiment: Experiment): void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<ExperimentDraft>(initialDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const set = (patch: Partial<ExperimentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setVariant = (index: number, next: ExperimentDraft['variants'][number]) =>
    set({ variants: draft.variants.map((v, i) => (i === index ? next : v)) });

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<Experiment>('/experiments', { method: 'POST', body: specBody(draft) });
      setDraft(initialDraft());
      onCreated(created);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = errorField(error);
  return (
    <form
      className="experiment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div className="toolbar">
        <label className="grow">
          {t('experiments.form.name')}
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          {t('experiments.form.unit')}
          <select value={draft.unit} onChange={(e) => set({ unit: e.target.value as RandomisationUnit })}>
            {RANDOMISATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {unitLabel(u, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('experiments.form.start')}
          <input type="date" value={draft.start} onChange={(e) => set({ start: e.target.value })} />
        </label>
        <label>
          {t('experiments.form.preDays')}
          <input
            type="number"
            min={1}
            step={1}
            value={draft.preDays}
            onChange={(e) => set({ preDays: e.target.value })}
          />
        </label>
        <label>
          {t('experiments.form.primaryMetric')}
          <select
            value={draft.primaryMetric}
            onChange={(e) => set({ primaryMetric: e.target.value as ExperimentMetric })}
          >
            {EXPERIMENT_METRICS.map((m) => (
              <option key={m} value={m}>
                {metricLabel(m, t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="toolbar">
        <fieldset className="inline-choices">
          <legend>{t('experiments.form.tiers')}</legend>
          {TIERS.map((tier) => (
            <label key={tier} className="checkbox">
              <input
                type="checkbox"
                checked={draft.tiers.includes(tier)}
                onChange={(e) => set({ tiers: toggle(TIERS, draft.tiers, tier, e.target.checked) })}
              />
              {tierName(tier, lang)}
            </label>
          ))}
        </fieldset>
        <label className="grow">
          {t('experiments.form.cities')}
          <input
            value={draft.cities}
            placeholder={t('experiments.form.citiesPlaceholder')}
            onChange={(e) => set({ cities: e.target.value })}
          />
        </label>
        <fieldset className="inline-choices">
          <legend>{t('experiments.form.strata')}</legend>
          {STRATA.map((s) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                checked={draft.strata.includes(s)}
                onChange={(e) => set({ strata: toggle(STRATA, draft.strata, s, e.target.checked) })}
              />
              {stratumLabel(s, t)}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="muted small">{t('experiments.form.populationHelp')}</p>
      <div className="experiment-variants" role="group" aria-label={t('experiments.form.variants')}>
        {draft.variants.map((v, i) => (
          <VariantFields
            key={i}
            index={i}
            variant={v}
            onChange={(next) => setVariant(i, next)}
            onRemove={i > 1 ? () => set({ variants: draft.variants.filter((_, j) => j !== i) }) : undefined}
          />
        ))}
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            set({ variants: [...draft.variants, emptyVariant(`treatment ${draft.variants.length}`)] })
          }
        >
          {t('experiments.form.addTreatment')}
        </button>
        <button type="submit" disabled={busy}>
          {t('experiments.form.create')}
        </button>
      </div>
      <div aria-live="polite">
        {field !== null && error instanceof ApiError ? (
          <div role="alert" className="issues">
            <p className="error">{t('experiments.form.invalid', { field: fieldLabel(field, t) })}</p>
            <p>
              <code>{field.replace(/^body\./, '')}</code>: {error.message.replace(`${field}: `, '')}
            </p>
          </div>
        ) : error !== undefined ? (
          <ErrorView error={error} />
        ) : null}
      </div>
    </form>
  );
}
