import { TAGS, TIERS } from '../../../src/contracts/tiering/tiers';
import { DebouncedInput } from '../common/DebouncedInput';
import { tagName, tierName } from '../common/names';
import { useI18n } from '../i18n/i18n';
import type { FilterOptions } from './filter-options';
import { hasFilters, type CustomerFilters, type FilterKey } from './filters';
import { customerTypeName } from './labels';

export interface FilterChange {
  (key: FilterKey, value: string | undefined, how: { typing: boolean }): void;
}

/**
 * The customer table's filters. Selects apply at once; text fields (search, city, owner, score range…) once
 * typing pauses. `scopeKind` hides the owner filters that mean nothing to a rep (and the team to a manager).
 */
export function CustomerFiltersForm(props: {
  filters: CustomerFilters;
  options: FilterOptions;
  scopeKind: 'all' | 'team' | 'rep' | 'none';
  onChange: FilterChange;
  onClear(): void;
}) {
  const { t, lang } = useI18n();
  const { filters, options, onChange } = props;
  const typed = (key: FilterKey) => (v: string) =>
    onChange(key, v.trim() === '' ? undefined : v.trim(), { typing: true });
  const picked = (key: FilterKey) => (e: { target: { value: string } }) =>
    onChange(key, e.target.value === '' ? undefined : e.target.value, { typing: false });

  return (
    <form
      className="customer-filters"
      role="search"
      aria-label={t('customers.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="wide">
        {t('customers.search')}
        <DebouncedInput
          type="search"
          value={filters.q ?? ''}
          onValue={typed('q')}
          placeholder={t('customers.searchPlaceholder')}
          maxLength={200}
        />
      </label>
      <label>
        {t('customers.tier')}
        <select value={filters.tier ?? ''} onChange={picked('tier')}>
          <option value="">{t('common.all')}</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tierName(tier, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customers.tag')}
        <select value={filters.tag ?? ''} onChange={picked('tag')}>
          <option value="">{t('common.all')}</option>
          {TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {tagName(tag, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customers.type')}
        <select value={filters.type ?? ''} onChange={picked('type')}>
          <option value="">{t('common.all')}</option>
          {(options.type.length ? options.type : ['single', 'chain']).map((type) => (
            <option key={type} value={type}>
              {customerTypeName(type, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customers.city')}
        <DebouncedInput
          value={filters.city ?? ''}
          onValue={typed('city')}
          list="filter-cities"
          maxLength={200}
        />
      </label>
      <label>
        {t('customers.district')}
        <DebouncedInput
          value={filters.district ?? ''}
          onValue={typed('district')}
          list="filter-districts"
          maxLength={200}
        />
      </label>
      <label>
        {t('customers.cuisine')}
        <DebouncedInput
          value={filters.cuisine ?? ''}
          onValue={typed('cuisine')}
          list="filter-cuisines"
          maxLength={200}
        />
      </label>
      {props.scopeKind === 'all' || props.scopeKind === 'team' ? (
        <label>
          {t('customers.owner')}
          <DebouncedInput
            value={filters.owner ?? ''}
            onValue={typed('owner')}
            placeholder={t('customers.ownerPlaceholder')}
            maxLength={200}
          />
        </label>
      ) : null}
      {props.scopeKind === 'all' ? (
        <label>
          {t('customers.team')}
          <DebouncedInput value={filters.team ?? ''} onValue={typed('team')} maxLength={200} />
        </label>
      ) : null}
      <label>
        {t('customers.scoreMin')}
        <DebouncedInput
          type="number"
          step="any"
          inputMode="decimal"
          value={filters.scoreMin ?? ''}
          onValue={typed('scoreMin')}
        />
      </label>
      <label>
        {t('customers.scoreMax')}
        <DebouncedInput
          type="number"
          step="any"
          inputMode="decimal"
          value={filters.scoreMax ?? ''}
          onValue={typed('scoreMax')}
        />
      </label>
      <div className="filter-actions">
        <button type="button" className="secondary" onClick={props.onClear} disabled={!hasFilters(filters)}>
          {t('customers.clearFilters')}
        </button>
      </div>
      <datalist id="filter-cities">
        {options.city.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="filter-districts">
        {options.district.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="filter-cuisines">
        {options.cuisine.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </form>
  );
}
