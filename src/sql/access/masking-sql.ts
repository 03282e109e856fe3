import type { Dialect } from '../dialects/dialect.js';

/**
 * SQL twins of maskPhone and maskName (src/domain/access/masking.ts), so that masking happens where the rows
 * are selected and exports stream masked data without a pass in JavaScript. A test compares both on many values.
 */

/** What String.prototype.trim removes: the ECMAScript white space and line terminators, as literal characters. */
const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const TRIM_PATTERN = `'^[${JS_WHITESPACE}]+|[${JS_WHITESPACE}]+$'`;

/** 13812345678 → 138****5678: the digits kept, all but the first 3 and last 4 starred; under 7 digits all starred. */
export function maskedPhoneSql(_d: Dialect, expr: string): string {
  const digits = `regexp_replace(${expr}, '[^0-9]', '', 'g')`;
  return `CASE WHEN ${expr} IS NULL THEN NULL
  WHEN length(${digits}) < 7 THEN repeat('*', length(${digits}))
  ELSE left(${digits}, 3) || repeat('*', length(${digits}) - 7) || right(${digits}, 4) END`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character of the trimmed name and a star for each other (at least one). */
export function maskedNameSql(_d: Dialect, expr: string): string {
  const trimmed = `regexp_replace(${expr}, ${TRIM_PATTERN}, '', 'g')`;
  return `CASE WHEN ${expr} IS NULL THEN NULL
  WHEN length(${trimmed}) = 0 THEN ''
  ELSE left(${trimmed}, 1) || repeat('*', greatest(1, length(${trimmed}) - 1)) END`;
}

/** An exact address is replaced by its district. */
export const maskedAddressSql = (_d: Dialect, _address: string, district: string): string => district;

/** The personal columns of a customer row (phone, contact_name, address), masked unless `visible`. */
export function personalColumnsSql(
  d: Dialect,
  alias: string,
  visible: boolean,
): { phone: string; contactName: string; address: string } {
  const col = (name: string) => `${alias}.${d.quoteIdent(name)}`;
  return visible
    ? { phone: col('phone'), contactName: col('contact_name'), address: col('address') }
    : {
        phone: maskedPhoneSql(d, col('phone')),
        contactName: maskedNameSql(d, col('contact_name')),
        address: maskedAddressSql(d, col('address'), col('district')),
      };
}
