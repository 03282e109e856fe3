import { TAGS, TIERS } from '../../../src/contracts/tiering/tiers';
import type { Direction } from '../common/SortHeader';

/** The list filters of GET /api/v1/customers, kept in the page's URL under the same names. */
export const FILTER_KEYS = [
  'tier',
  'tag',
  'city',
  'district',
  'type',
  'cuisine',
  'owner',
  'team',
  'scoreMin',
  'scoreMax',
  'q',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type CustomerFilters = Readonly<Partial<Record<FilterKey, string>>>;

export const SORT_KEYS = ['score', 'name', 'monetary', 'recency'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  readonly key: SortKey;
  readonly direction: Direction;
}

/** The API's default direction per key: best first (highest score and purchases, most recent order), names A→Z. */
export const DEFAULT_DIRECTION: Readonly<Record<SortKey, Direction>> = {
  score: 'desc',
  name: 'asc',
  monetary: 'desc',
  recency: 'asc',
};
export const DEFAULT_SORT: Sort = { key: 'score', direction: 'desc' };

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);
const isNumeric = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

/** Values the API would refuse are dropped, so that a hand-edited or stale link still opens. */
function validFilter(key: FilterKey, value: string): boolean {
  if (value === '' || value.length > 200) return false;
  if (key === 'tier') return isOneOf(TIERS, value);
  if (key === 'tag') return isOneOf(TAGS, value);
  if (key === 'scoreMin' || key === 'scoreMax') return isNumeric(value);
  return true;
}

/** Filters and sort from the page's query string (`?tier=gold&city=北京&sort=monetary:asc`). */
export function viewFromSearch(search: URLSearchParams): { filters: CustomerFilters; sort: Sort } {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const v = search.get(key);
    if (v !== null && validFilter(key, v)) filters[key] = v;
  }
  return { filters, sort: parseSort(search.get('sort')) };
}

export function parseSort(text: string | null): Sort {
  const [key = '', direction] = (text ?? '').split(':');
  if (!isOneOf(SORT_KEYS, key)) return DEFAULT_SORT;
  return { key, direction: direction === 'asc' || direction === 'desc' ? direction : DEFAULT_DIRECTION[key] };
}

/** The page's query string for a view; the default sort is left out so that plain links stay plain. */
export function searchFromView(filters: CustomerFilters, sort: Sort): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== undefined && validFilter(key, v)) out.set(key, v);
  }
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction)
    out.set('sort', `${sort.key}:${sort.direction}`);
  return out;
}

/** Clicking a header: the same key reverses the direction, another key starts with its default direction. */
export function toggleSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: DEFAULT_DIRECTION[key] };
}

/** The API query string of one page. */
export function listPath(
  filters: CustomerFilters,
  sort: Sort,
  cursor: string | undefined,
  limit: number,
): string {
  const q = searchFromView(filters, sort);
  q.set('sort', `${sort.key}:${sort.direction}`);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return `/customers?${q.toString()}`;
}

/** The export of the same filters (CSV, every page), for callers with export.read. */
export function exportHref(filters: CustomerFilters, runId: string | undefined): string {
  const q = searchFromView(filters, DEFAULT_SORT);
  q.set('format', 'csv');
  if (runId) q.set('run', runId);
  return `/api/v1/export?${q.toString()}`;
}

export const hasFilters = (filters: CustomerFilters): boolean =>
  FILTER_KEYS.some((k) => filters[k] !== undefined);
