import { useMemo } from 'react';
import type { PurchaseProfile } from '../../../src/contracts/profiles/purchase-profile';
import { EChart } from '../charts/EChart';
import { formatMoney, formatNumber, formatShare } from '../common/format';
import { Async } from '../common/states';
import { useApi } from '../common/use-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { categoryShareOption, weekdayOption } from './profile-options';
import { notableText } from './profile-notable';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => `profile.weekday.${d}` as MessageKey);

/**
 * The customer's purchase profile for the year up to the run's as-of date (GET /customers/{id}/profile): how it
 * differs from its peers, category shares beside theirs, favourite SKUs, the weekdays it orders on and how often,
 * basket and discounts.
 */
export function PurchaseProfilePanel(props: { customerId: string; asOf: string }) {
  const { t } = useI18n();
  const path = `/customers/${encodeURIComponent(props.customerId)}/profile?asOf=${encodeURIComponent(props.asOf)}`;
  const { data, error, loading } = useApi<PurchaseProfile>(path);
  return (
    <section className="card section" aria-labelledby="profile-title" aria-busy={loading}>
      <h2 id="profile-title">{t('profile.title')}</h2>
      <Async data={loading ? undefined : data} error={error}>
        {(p) => <ProfileView profile={p} />}
      </Async>
    </section>
  );
}

function ProfileView({ profile: p }: { profile: PurchaseProfile }) {
  const { t, lang } = useI18n();
  const g = p.peers;
  const peerVars = {
    count: g.count,
    cuisine: g.cuisine ?? t('profile.noCuisine'),
    band: t(`profile.band.${g.seatBand}`),
    city: g.city,
    district: `${g.city} ${g.district}`,
  };
  return (
    <>
      <p className="muted small">
        {t('profile.summary', {
          from: p.window.from,
          to: p.window.to,
          days: p.window.days,
          orders: formatNumber(p.orders, lang),
          lines: formatNumber(p.lines, lang),
          amount: formatMoney(p.netAmount, lang),
        })}
        <br />
        {t(`profile.peers.${g.level}`, peerVars)}
        {g.level === 'district'
          ? null
          : ` ${t('profile.peers.widened', { minimum: g.minimum, district: g.counts.district })}`}
      </p>
      <h3>{t('profile.notable')}</h3>
      {p.notable.length === 0 ? (
        <p className="muted">{t('profile.noNotable')}</p>
      ) : (
        <ul>
          {p.notable.map((n) => (
            <li key={`${n.kind}-${n.category ?? ''}`}>{notableText(n, t, lang)}</li>
          ))}
        </ul>
      )}
      <div className="grid-2">
        <div>
          <h3>{t('profile.categories')}</h3>
          <CategoryChart profile={p} />
        </div>
        <div>
          <h3>{t('profile.skus')}</h3>
          <SkuTable profile={p} />
        </div>
      </div>
      <div className="grid-2">
        <div>
          <h3>{t('profile.rhythm')}</h3>
          <WeekdayChart profile={p} />
          <p className="small">
            {p.rhythm.typicalIntervalDays === null
              ? t('profile.noInterval')
              : t('profile.interval', {
                  days: formatNumber(p.rhythm.typicalIntervalDays, lang, 1),
                  iqr: formatNumber(p.rhythm.intervalIqr, lang, 1),
                })}
          </p>
        </div>
        <BasketAndPrice profile={p} />
      </div>
    </>
  );
}

function CategoryChart({ profile: p }: { profile: PurchaseProfile }) {
  const { t, lang } = useI18n();
  const option = useMemo(
    () =>
      categoryShareOption(p.categories, { customer: t('profile.customer'), peers: t('profile.peersSeries') }),
    [p.categories, t],
  );
  if (p.categories.length === 0) return <p className="muted">{t('profile.noPurchases')}</p>;
  const summary = p.categories
    .map((c) => `${c.category} ${formatShare(c.share, lang)} / ${formatShare(c.peerShare, lang)}`)
    .join(', ');
  return (
    <EChart
      option={option}
      label={t('profile.categoriesLabel', { summary })}
      height={Math.max(200, p.categories.length * 34 + 60)}
    />
  );
}

function WeekdayChart({ profile: p }: { profile: PurchaseProfile }) {
  const { t, lang } = useI18n();
  const labels = useMemo(() => WEEKDAYS.map((k) => t(k)), [t]);
  const option = useMemo(
    () => weekdayOption(p.rhythm.byWeekday, labels, t('profile.orders')),
    [p.rhythm.byWeekday, labels, t],
  );
  const summary = labels.map((d, i) => `${d} ${formatShare(p.rhythm.byWeekday[i], lang, 0)}`).join(', ');
  return <EChart option={option} label={t('profile.weekdayLabel', { summary })} height={180} />;
}

function SkuTable({ profile: p }: { profile: PurchaseProfile }) {
  const { t, lang } = useI18n();
  if (p.favouriteSkus.length === 0) return <p className="muted">{t('profile.noPurchases')}</p>;
  return (
    <div className="table-scroll">
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">{t('profile.sku')}</th>
            <th scope="col">{t('profile.category')}</th>
            <th scope="col" className="num">
              {t('profile.amount')}
            </th>
            <th scope="col" className="num">
              {t('profile.orders')}
            </th>
            <th scope="col" className="num">
              {t('profile.quantity')}
            </th>
            <th scope="col">{t('profile.lastBought')}</th>
          </tr>
        </thead>
        <tbody>
          {p.favouriteSkus.map((k) => (
            <tr key={k.sku}>
              <th scope="row">{k.sku}</th>
              <td>{k.category}</td>
              <td className="num">{formatMoney(k.amount, lang)}</td>
              <td className="num">{formatNumber(k.orders, lang)}</td>
              <td className="num">{formatNumber(k.quantity, lang, Number.isInteger(k.quantity) ? 0 : 1)}</td>
              <td>{k.lastBought}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BasketAndPrice({ profile: p }: { profile: PurchaseProfile }) {
  const { t, lang } = useI18n();
  const b = p.basket;
  const s = p.priceSensitivity;
  const facts: [MessageKey, string][] = [
    ['profile.avgLines', formatNumber(b.avgLines, lang, 1)],
    ['profile.avgAmount', formatMoney(b.avgAmount, lang)],
    ['profile.peerAvgAmount', formatMoney(b.peerAvgAmount, lang)],
    ['profile.avgCategories', formatNumber(b.avgDistinctCategories, lang, 1)],
  ];
  const price: [MessageKey, string][] = [
    ['profile.discountedLines', formatShare(s.discountedLineShare, lang)],
    ['profile.discountedAmount', formatShare(s.discountedAmountShare, lang)],
    ['profile.peerDiscounted', formatShare(s.peerDiscountedAmountShare, lang)],
  ];
  const list = (items: [MessageKey, string][]) => (
    <dl className="facts">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <div>
      <h3>{t('profile.basket')}</h3>
      {list(facts)}
      <h3>{t('profile.price')}</h3>
      {list(price)}
    </div>
  );
}
