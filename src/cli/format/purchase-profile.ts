import type { PurchaseProfile } from '../../contracts/profiles/purchase-profile.js';
import type { ReportLanguage } from '../../contracts/reports/report-request.js';
import { padEnd, padStart, width } from './columns.js';
import { count, percent, yuan } from './numbers.js';
import { PROFILE_STRINGS } from './purchase-profile-strings.js';

const pct = (x: number | null) => (x === null ? '–' : percent(x));
/** A difference of shares in points, signed: +12.3, −4.0, 0.0. */
function pts(x: number | null): string {
  if (x === null) return '–';
  const text = (100 * Math.abs(x)).toFixed(1);
  return Number(text) === 0 ? text : `${x > 0 ? '+' : '−'}${text}`;
}

/** Rows as columns: the first left-aligned, the others right-aligned, each as wide as its widest cell. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ''))));
  return rows.map(
    (r) => `  ${r.map((c, j) => (j === 0 ? padEnd(c, widths[j]!) : padStart(c, widths[j]!))).join('  ')}`,
  );
}

/** The hours with the most orders, at most three. */
const busiestHours = (byHour: readonly number[]) =>
  byHour
    .map((share, hour) => ({ share, hour }))
    .filter((h) => h.share > 0)
    .sort((a, b) => b.share - a.share || a.hour - b.hour)
    .slice(0, 3);

/** `stratum profile` as text, in Chinese or English. */
export function purchaseProfileLines(p: PurchaseProfile, lang: ReportLanguage): string[] {
  const s = PROFILE_STRINGS[lang];
  const r = p.rhythm;
  const weekdays = r.byWeekday.map((share, i) => `${s.weekdays[i]} ${percent(share, 0)}`).join(' · ');
  const hours = busiestHours(r.byHour).map((h) => `${s.hour(h.hour)} (${percent(h.share, 0)})`);
  return [
    s.title(p),
    s.totals(p),
    s.basket(p),
    s.peers(p),
    '',
    ...table([
      s.categoryHeader,
      ...p.categories.map((c) => [
        c.category,
        pct(c.share),
        pct(c.sharePrevious),
        pts(c.trend),
        pct(c.peerShare),
        pts(c.differenceFromPeers),
      ]),
    ]),
    '',
    s.skusTitle,
    ...(p.favouriteSkus.length === 0
      ? [`  ${s.none}`]
      : table([
          s.skuHeader,
          ...p.favouriteSkus.map((k) => [
            k.sku,
            k.category,
            yuan(k.amount),
            count(k.orders),
            k.quantity.toLocaleString('en-US', { maximumFractionDigits: 3 }),
            k.lastBought,
          ]),
        ])),
    '',
    s.rhythm(
      weekdays,
      hours.join(', ') || s.none,
      r.typicalIntervalDays === null ? s.none : s.interval(r.typicalIntervalDays, r.intervalIqr),
    ),
    s.discounts(p),
    '',
    s.notableTitle,
    ...(p.notable.length === 0 ? [`  ${s.none}`] : p.notable.map((n) => `  · ${s.notable(n)}`)),
  ];
}
