/** Counts with thousands separators. */
export const count = (x: number): string => x.toLocaleString('en-US');
/** Yuan with 2 decimals and separators. */
export const yuan = (x: number): string =>
  `¥${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A share as a percentage with `digits` decimals. */
export const percent = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)} %`;
