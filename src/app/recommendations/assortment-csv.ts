import Papa from 'papaparse';
import { reasonText, type ReasonLanguage } from '../../contracts/recommendations/reason-text.js';
import type { AssortmentRow } from '../../contracts/recommendations/recommendations.js';

export const ASSORTMENT_COLUMNS = [
  'customer_id',
  'name',
  'tier',
  'custom_assortment',
  'rank',
  'sku',
  'category',
  'peer_share',
  'peer_buyers',
  'peer_count',
  'peer_level',
  'reason',
] as const;

/** The custom-assortment lists as CSV: UTF-8 with a byte order mark (Excel reads the Chinese right), CRLF. */
export function assortmentCsv(rows: readonly AssortmentRow[], lang: ReasonLanguage): string {
  const data = rows.map((r) => [
    r.customerId,
    r.name ?? '',
    r.tier,
    r.customAssortment === null ? '' : String(r.customAssortment),
    r.rank,
    r.sku,
    r.category,
    r.peerShare.toFixed(4),
    r.reason.peerBuyers,
    r.reason.peerCount,
    r.reason.level,
    reasonText(r.reason, lang),
  ]);
  return `\ufeff${Papa.unparse({ fields: [...ASSORTMENT_COLUMNS], data }, { newline: '\r\n' })}\r\n`;
}
