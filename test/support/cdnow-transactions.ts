import { readFileSync } from 'node:fs';

const SAMPLE = new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url);

export interface CdnowTransaction {
  /** The sample id (1…2357) as text. */
  readonly customerId: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly cds: number;
  readonly dollars: number;
}

/** The 6,919 rows of the CDNOW 1/10 sample, in file order. */
export function cdnowTransactions(): CdnowTransaction[] {
  return readFileSync(SAMPLE, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return {
        customerId: String(Number(id)),
        day: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        cds: Number(cds),
        dollars: Number(dollars),
      };
    });
}

/** The published calibration summary (cdnow_customers_summary_with_transactions.csv) by ID. */
export function cdnowPublishedSummary(): Map<string, { x: number; tx: number; T: number; zbar: number }> {
  const text = readFileSync(
    new URL('../fixtures/cdnow/cdnow_customers_summary_with_transactions.csv', import.meta.url),
    'utf8',
  );
  const [, ...lines] = text.trim().split(/\r?\n/);
  return new Map(
    lines.map((line) => {
      const [id, x, tx, T, zbar] = line.split(',').map(Number) as [number, number, number, number, number];
      return [String(id), { x, tx, T, zbar }];
    }),
  );
}

/** Excel-style rounding half away from zero to 2 decimals (how the published zbar was rounded). */
export const roundHalfUp2 = (v: number): number =>
  (Math.sign(v) * Math.floor(Math.abs(v) * 100 + 0.5 + 1e-9)) / 100;
