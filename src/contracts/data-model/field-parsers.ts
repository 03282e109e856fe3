import { formatOffset, pad, wallTimeToUtcMs } from '../time/zoned-time.js';

/**
 * Parsers from the text a source system exports to the canonical text form the engine casts exactly
 * (money as "1234.50", timestamps as ISO 8601 with offset). Each returns the value or an error reason.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

const NUMBER_NOISE = /[\s,，¥￥元]/g;

export function parseDecimal(raw: string, maxScale: number): Parsed<{ text: string; value: number }> {
  const cleaned = raw.replace(NUMBER_NOISE, '');
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(cleaned) ?? /^([+-]?)()\.(\d+)$/.exec(cleaned);
  if (!match) return fail(`"${raw}" is not a number`);
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > maxScale) return fail(`"${raw}" has more than ${maxScale} decimals`);
  const intPart = (whole ?? '').replace(/^0+(?=\d)/, '') || '0';
  const text = `${sign === '-' ? '-' : ''}${intPart}${maxScale > 0 ? '.' + trimmed.padEnd(maxScale, '0') : ''}`;
  return ok({ text, value: Number(text) });
}

export function parseInteger(raw: string): Parsed<number> {
  const cleaned = raw.replace(NUMBER_NOISE, '').replace(/\.0+$/, '');
  if (!/^[+-]?\d+$/.test(cleaned)) return fail(`"${raw}" is not a whole number`);
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value)) return fail(`"${raw}" is out of range`);
  return ok(value);
}

export function parseDouble(raw: string): Parsed<number> {
  const cleaned = raw.replace(/[\s,]/g, '');
  const value = cleaned === '' ? NaN : Number(cleaned);
  return Number.isFinite(value) ? ok(value) : fail(`"${raw}" is not a number`);
}

const DATE_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/;
const TIME_RE = /^[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A calendar date; a time part, if present, is ignored. */
export function parseDate(raw: string): Parsed<{ text: string; utcMs: number }> {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return fail(`"${raw}" is not a date (expected YYYY-MM-DD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(year, month, day)) return fail(`"${raw}" is not a valid calendar date`);
  return ok({ text: `${year}-${pad(month)}-${pad(day)}`, utcMs: Date.UTC(year, month - 1, day) });
}

/** A point in time; without an explicit offset it is wall-clock time in `timeZone`. */
export function parseTimestamp(raw: string, timeZone: string): Parsed<{ text: string; utcMs: number }> {
  const s = raw.trim();
  const d = DATE_RE.exec(s);
  if (!d) return fail(`"${raw}" is not a date-time (expected YYYY-MM-DD HH:MM:SS)`);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!validDate(year, month, day)) return fail(`"${raw}" is not a valid calendar date`);
  const rest = s.slice(d[0].length);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offsetText: string | undefined;
  if (rest !== '') {
    const t = TIME_RE.exec(rest);
    if (!t) return fail(`"${raw}" has an unreadable time part`);
    [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    ms = Number((t[4] ?? '0').padEnd(3, '0').slice(0, 3));
    offsetText = t[5];
    if (hour > 23 || minute > 59 || second > 59) return fail(`"${raw}" has an invalid time`);
  }
  const wall = { year, month, day, hour, minute, second, ms };
  let utcMs: number;
  if (offsetText) {
    const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    utcMs = naive - offsetMinutesOf(offsetText) * 60_000;
  } else {
    utcMs = wallTimeToUtcMs(timeZone, wall);
  }
  const offset = offsetText
    ? formatOffset(offsetMinutesOf(offsetText))
    : formatOffset((Date.UTC(year, month - 1, day, hour, minute, second, ms) - utcMs) / 60_000);
  const text = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${ms ? '.' + pad(ms, 3) : ''}${offset}`;
  return ok({ text, utcMs });
}

function offsetMinutesOf(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Items of a list column as exported: separated by `;`, `,`, `|`, `、` or a line break (full-width `；` and `，` too),
 * or a JSON array of strings (what stratum's own exports write). Items are trimmed; empty and repeated items dropped.
 */
export function parseTextList(raw: string): Parsed<string[]> {
  const s = raw.trim();
  let items: string[];
  if (s.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      return fail(`"${raw}" is not a JSON list`);
    }
    if (!Array.isArray(json) || json.some((v) => typeof v !== 'string'))
      return fail(`"${raw}" is not a list of texts`);
    items = json as string[];
  } else items = s.split(/[;；,，|、\r\n]/);
  return ok([...new Set(items.map((i) => i.trim()).filter((i) => i !== ''))]);
}

const DATE_RANGE_RE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** An inclusive range of ISO dates written `YYYY-MM-DD..YYYY-MM-DD` (from ≤ to; one day is `D..D`). */
export function parseDateRange(raw: string): Parsed<{ from: string; to: string }> {
  const m = DATE_RANGE_RE.exec(raw.trim());
  if (!m) return fail(`"${raw}" is not a date range (expected YYYY-MM-DD..YYYY-MM-DD)`);
  const [from, to] = [m[1] as string, m[2] as string];
  for (const day of [from, to]) {
    const parsed = parseDate(day);
    if (!parsed.ok || parsed.value.text !== day) return fail(`"${raw}": ${day} is not a valid calendar date`);
  }
  if (from > to) return fail(`"${raw}" ends before it starts`);
  return ok({ from, to });
}
