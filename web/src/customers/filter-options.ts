import { useMemo } from 'react';
import { useApi } from '../common/use-api';

/** The part of GET /api/v1/runs/{id} the filters need: tier counts by city, district, customer type, cuisine. */
interface RunDistribution {
  readonly report: { readonly distribution: Readonly<Record<string, Readonly<Record<string, unknown>>>> };
}

export interface FilterOptions {
  readonly city: readonly string[];
  readonly district: readonly string[];
  readonly type: readonly string[];
  readonly cuisine: readonly string[];
}

const NO_OPTIONS: FilterOptions = { city: [], district: [], type: [], cuisine: [] };

/**
 * Suggestions for the text filters: the cities, districts, customer types and cuisines of the run being listed
 * (from its report's distribution, one request per run). The filters stay free text: the suggestions only help.
 */
export function useFilterOptions(runId: string | undefined): FilterOptions {
  const { data } = useApi<RunDistribution>(runId ? `/runs/${encodeURIComponent(runId)}` : null);
  return useMemo(() => {
    if (!data) return NO_OPTIONS;
    const keys = (dimension: string) =>
      Object.keys(data.report.distribution[dimension] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    return {
      city: keys('city'),
      district: keys('district'),
      type: keys('customer_type'),
      cuisine: keys('cuisine'),
    };
  }, [data]);
}
