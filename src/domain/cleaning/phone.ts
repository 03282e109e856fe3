/** A phone as digits only, without the +86/0086 country code; null when it has fewer than 7 digits. */
export function normalisePhone(phone: string | null): string | null {
  if (phone === null) return null;
  let digits = phone
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length >= 7 ? digits : null;
}
