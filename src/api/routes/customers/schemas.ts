import { z } from 'zod';
import { TAGS, TIERS } from '../../../contracts/tiering/tiers.js';
import { SORT_KEYS } from '../../../sql/api/customers/list-customers-sql.js';

/** No C0 control characters or DEL (NUL would not even reach the database as text). */
const printable = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
};
const NO_CONTROL = 'must not contain control characters';

/** A filter value: plain text up to 200 characters, no control characters (every value is a SQL parameter). */
export const FilterText = z.string().min(1).max(200).refine(printable, NO_CONTROL);

/** A customer id as the CRM knows it. */
export const CustomerId = z.string().min(1).max(64).refine(printable, NO_CONTROL);

export const RunId = z.string().min(1).max(100).refine(printable, NO_CONTROL);

const Score = z.coerce.number().finite();

/** Filters shared by the list and the export. */
export const CustomerFilterQuery = z.object({
  run: RunId.optional().describe('Tiering run (default: the latest)'),
  tier: z.enum(TIERS).optional(),
  tag: z.enum(TAGS).optional(),
  city: FilterText.optional().describe('City, e.g. 北京'),
  district: FilterText.optional().describe('District, e.g. 朝阳区'),
  type: FilterText.optional().describe('Customer type: single or chain'),
  cuisine: FilterText.optional().describe('Cuisine, e.g. 川菜'),
  owner: FilterText.optional().describe('Owner: the rep_id of the account manager'),
  team: FilterText.optional().describe('The owner’s team, e.g. 北京一组'),
  scoreMin: Score.optional(),
  scoreMax: Score.optional(),
  q: FilterText.optional().describe('Text search: part of the name (normalised or as imported) or of the id'),
});

/** `score`, `score:asc`, `name:desc`…; the direction may also come as `order`. */
const SORT_PATTERN = new RegExp(`^(${SORT_KEYS.join('|')})(:(asc|desc))?$`);

export const CustomerListQuery = z.strictObject({
  ...CustomerFilterQuery.shape,
  sort: z
    .string()
    .regex(SORT_PATTERN, `expected one of ${SORT_KEYS.join(', ')}, optionally with :asc or :desc`)
    .default('score')
    .describe(
      'score (default, desc), name (asc), monetary (desc) or recency (asc); `:asc`/`:desc` to reverse',
    ),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .describe('Sort direction (overrides the default of the sort key)'),
  cursor: z.string().min(1).max(1000).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The sort key and direction of a parsed list query. */
export function parseSort(
  sort: string,
  order: 'asc' | 'desc' | undefined,
): { key: (typeof SORT_KEYS)[number]; direction: 'asc' | 'desc' | undefined } {
  const [key, direction] = sort.split(':') as [(typeof SORT_KEYS)[number], 'asc' | 'desc' | undefined];
  return { key, direction: order ?? direction };
}
