import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Fetch the same path again (after a change made elsewhere on the page). */
  reload(): void;
}

/**
 * GET `path` (null: nothing to fetch yet) and keep the answer. A request still open when the path changes or the
 * page unmounts (signing out) is aborted, so a slow page of the customer table never overwrites a newer one and no
 * request outlives the session it was made for.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: unknown }>({ path: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal }).then(
      (data) => !controller.signal.aborted && setState({ path, data }),
      (error: unknown) => !controller.signal.aborted && setState({ path, error }),
    );
    return () => controller.abort();
  }, [path, generation]);

  const fresh = state.path === path;
  return {
    // The previous data stays visible while the next page loads (no flicker), errors only for this path.
    data: state.data,
    error: fresh ? state.error : undefined,
    loading: path !== null && (!fresh || (state.data === undefined && state.error === undefined)),
    reload,
  };
}
