import { pad } from '../../../contracts/time/zoned-time.js';
import type { NumberFormat } from './source-reader.js';

/**
 * A binary floating-point number as the decimal a person typed: 15 significant digits, as Excel shows it, so
 * that 12.300000000000001 reads as 12.3 and 0.1 + 0.2 as 0.3. Never in exponent notation.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  if (!/e/i.test(s)) return s;
  // Very small or very large: expand without exponent, dropping trailing zeros.
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/** A wall-clock date-time held in a Date's UTC fields (how exceljs returns cells), rounded to the second. */
export function wallClockText(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** An Excel serial date (days since 1899-12-30, the fraction being the time of day) as wall-clock text. */
export function excelSerialText(serial: number, date1904 = false): string {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return wallClockText(new Date(Math.round(days * 86_400_000)));
}

/**
 * A number at a fixed scale when it is one up to floating-point noise (12.300000000001 → "12.30"); a number
 * with real extra decimals (12.345 for money) is left as typed, for the validator to reject.
 */
export function decimalText(n: number, scale: number): string {
  const scaled = n * 10 ** scale;
  const rounded = Math.round(scaled);
  // Noise is far below a millionth of the last decimal (and grows with the magnitude, 1e-13 relative at most).
  const tolerance = Math.max(1e-6, Math.abs(scaled) * 1e-13);
  if (Math.abs(scaled - rounded) > tolerance || !Number.isSafeInteger(rounded)) return numberText(n);
  return (rounded / 10 ** scale).toFixed(scale);
}

export function formatNumber(n: number, format: NumberFormat, date1904 = false): string {
  switch (format.kind) {
    case 'plain':
      return numberText(n);
    case 'serial-date':
      return excelSerialText(n, date1904);
    case 'decimal':
      return decimalText(n, format.scale);
  }
}
