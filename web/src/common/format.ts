import type { Language } from '../i18n/messages';

/** Shown for a value that is missing (null, undefined, not a number). */
export const NONE = '—';

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A number in the language's format with a fixed number of decimals. */
export function formatNumber(v: number | null | undefined, lang: Language, digits = 0): string {
  if (!isNumber(v)) return NONE;
  return v.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Money in yuan with 2 decimals: ¥1,234.50. */
export function formatMoney(v: number | null | undefined, lang: Language): string {
  if (!isNumber(v)) return NONE;
  const sign = v < 0 ? '-' : '';
  return `${sign}¥${formatNumber(Math.abs(v), lang, 2)}`;
}

/** A signed change: +1.50 / -0.25 / 0.00. */
export function formatSigned(v: number | null | undefined, lang: Language, digits = 2): string {
  if (!isNumber(v)) return NONE;
  return `${v > 0 ? '+' : ''}${formatNumber(v, lang, digits)}`;
}

/** A signed change of money: +¥1,234.50 / -¥3.00. */
export function formatMoneyChange(v: number | null | undefined, lang: Language): string {
  if (!isNumber(v)) return NONE;
  return `${v > 0 ? '+' : ''}${formatMoney(v, lang)}`;
}

/** A share 0–1 as a percentage: 0.125 → 12.5 %. */
export function formatShare(v: number | null | undefined, lang: Language, digits = 1): string {
  if (!isNumber(v)) return NONE;
  return `${formatNumber(v * 100, lang, digits)}%`;
}

/** The ISO date of a date or timestamp string: 2026-11-22. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : NONE;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A timestamp in the browser's zone, ISO-like: 2026-11-22 09:03. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A timestamp in an IANA zone, ISO-like with the zone: 2026-11-30 03:00 Asia/Shanghai. */
export function formatDateTimeIn(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return NONE;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${timeZone}`;
  } catch {
    return formatDateTime(iso);
  }
}

/** A duration: 850 ms, 1.9 s, 2 min 05 s. */
export function formatDuration(ms: number | null | undefined, lang: Language): string {
  if (!isNumber(ms)) return NONE;
  if (ms < 1000) return `${formatNumber(ms, lang)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, lang, 1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
}
