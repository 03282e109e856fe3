/** Number formats of the report: the same in both languages (dates stay ISO). */

const grouped = (x: number, digits: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '-' : '');

/** 1,234 */
export const count = (n: number): string => grouped(n, 0);

/** ¥1,234.56 (-¥12.00 below zero). */
export const money = (x: number): string => `${x < 0 ? '-' : ''}¥${grouped(Math.abs(x), 2)}`;

/** A share or rate as a percentage with one decimal: 0.1234 → 12.3%. */
export const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** A plain number with `digits` decimals and separators. */
export const decimal = (x: number, digits = 2): string => grouped(x, digits);

/** +2, -3, 0 */
export const signedCount = (n: number): string => `${sign(n)}${grouped(Math.abs(n), 0)}`;

/** +¥12.00, -¥3.50, ¥0.00 */
export const signedMoney = (x: number): string => `${sign(x)}${money(Math.abs(x))}`;

/** A change of a share in percentage points: 0.012 → +1.2 */
export const signedPoints = (x: number): string =>
  `${sign(Math.round(1000 * x))}${Math.abs(100 * x).toFixed(1)}`;

/** A relative change as a signed percentage: 0.034 → +3.4% */
export const signedPercent = (x: number): string => `${sign(Math.round(1000 * x))}${percent(Math.abs(x))}`;

/** now / before − 1, or null when there is no base. */
export const relativeChange = (now: number, before: number | null | undefined): number | null =>
  before === null || before === undefined || before === 0 ? null : now / before - 1;

/** Money on a chart axis, short: ¥12万 (zh-CN), ¥120K (en). */
export const axisMoney =
  (language: string) =>
  (x: number): string =>
    `${x < 0 ? '-' : ''}¥${new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(Math.abs(x))}`;
