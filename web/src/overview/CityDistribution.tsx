import type { DistributionRow } from '../../../src/contracts/insights/overview';
import { useI18n } from '../i18n/i18n';
import { DistributionChart } from './DistributionChart';

/**
 * Tiers by city as stacked bars; clicking a city (or choosing it in the select, for keyboards) shows the tiers by
 * district of that city.
 */
export function CityDistribution(props: {
  cities: readonly DistributionRow[];
  district: { city: string; rows: readonly DistributionRow[] } | null;
  city: string;
  onCity(city: string): void;
}) {
  const { t } = useI18n();
  const { cities, district, city, onCity } = props;
  return (
    <section className="card" aria-labelledby="overview-cities">
      <div className="insights-card-head">
        <h2 id="overview-cities">{t('overview.dist.city')}</h2>
        <label>
          {t('overview.dist.chooseCity')}
          <select value={city} onChange={(e) => onCity(e.target.value)}>
            <option value="">{t('overview.dist.allCities')}</option>
            {cities.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {city && district?.city === city ? (
        <>
          <h3>{t('overview.dist.districtsOf', { city })}</h3>
          <button type="button" className="secondary" onClick={() => onCity('')}>
            {t('overview.dist.backToCities')}
          </button>
          {district.rows.length === 0 ? (
            <p className="insights-note">{t('overview.dist.noDistricts')}</p>
          ) : (
            <DistributionChart
              rows={district.rows}
              label={t('overview.dist.districtsOf', { city })}
              max={25}
            />
          )}
        </>
      ) : (
        <>
          <p className="insights-note">{t('overview.dist.clickHint')}</p>
          <DistributionChart rows={cities} label={t('overview.dist.city')} max={20} onSelect={onCity} />
        </>
      )}
    </section>
  );
}
