import { useApi } from '../common/use-api';

/** A committed run as GET /runs lists it (the fields the selectors use). */
export interface RunSummary {
  readonly runId: string;
  readonly asOf: string;
  readonly customers: number;
  readonly trigger: string;
}

/** Every run, newest first (GET /runs, up to 500); `runs` is undefined while loading. */
export function useRuns(): { runs: readonly RunSummary[] | undefined; error: unknown } {
  const { data, error } = useApi<{ items: RunSummary[]; total: number }>('/runs?limit=500');
  return { runs: data?.items, error };
}
