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
 * GET `path` (null: nothing to fetch yet) and keep the answer; an answer that arrives after the path changed is
 * dropped, so a slow page of the customer table never overwrites a newer one.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: unknown }>({ path: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return undefined;
    let current = true;
    api<T>(path).then(
      (data) => current && setState({ path, data }),
      (error: unknown) => current && setState({ path, error }),
    );
    return () => {
      current = false;
    };
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
