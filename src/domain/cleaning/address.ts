import { houseNumbersToDigits } from './chinese-numerals.js';
import { normaliseText } from './customer-name.js';

export interface AddressContext {
  readonly city: string;
  readonly district: string;
}

const PROVINCE_PREFIX = /^[\u4e00-\u9fff]{2,7}?(省|自治区|特别行政区)/;
const ADMIN_SUFFIX = /(市|区|县|新区|自治县)$/;

/** A city or district without its administrative suffix: 北京市 → 北京, 朝阳区 → 朝阳. */
export function placeCore(place: string): string {
  const core = place.replace(ADMIN_SUFFIX, '');
  return core.length >= 2 ? core : place;
}

function stripPrefix(text: string, place: string): string {
  const core = placeCore(place);
  const candidates = [place, `${core}市`, `${core}区`, `${core}县`, core].sort((a, b) => b.length - a.length);
  for (const candidate of candidates) {
    if (candidate && text.startsWith(candidate)) return text.slice(candidate.length);
  }
  return text;
}

/**
 * Normalised street address: half-width, simplified (號 → 号), no spaces, house numbers as digits, and without
 * the province, city and district prefix, which some registrations include and others drop.
 */
export function normaliseAddress(raw: string | null, context: AddressContext): string | null {
  if (raw === null) return null;
  return addressFromText(normaliseText(raw), {
    city: normaliseText(context.city),
    district: normaliseText(context.district),
  });
}

/** normaliseAddress for an address, city and district already through normaliseText. */
export function addressFromText(normalised: string, context: AddressContext): string | null {
  let text = normalised.replace(/\s+/g, '');
  text = text.replace(PROVINCE_PREFIX, '');
  text = stripPrefix(text, context.city);
  text = stripPrefix(text, context.district);
  text = houseNumbersToDigits(text);
  return text === '' ? null : text;
}

/** The numbers in an address (house, building, floor, room), in order: 建国路88号3层 → 88|3. */
export function addressNumbers(address: string): string {
  return (address.match(/\d+/g) ?? []).join('|');
}
