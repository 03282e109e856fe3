import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Job } from './types';

export const POLL_MS = 1000;
const finished = (job: Job) => job.status === 'succeeded' || job.status === 'failed';

/**
 * A job, polled every second until it has finished; `onFinished` is called once with the final job. Polling
 * stops when the component goes away or the job id changes.
 */
export function useJob(
  jobId: string | null,
  onFinished: (job: Job) => void,
): { job: Job | null; error: unknown } {
  const [state, setState] = useState<{ jobId: string | null; job: Job | null; error: unknown }>({
    jobId: null,
    job: null,
    error: undefined,
  });
  // Read when the job ends: a new function each render must not restart the polling.
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (jobId === null) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const job = await api<Job>(`/jobs/${encodeURIComponent(jobId)}`, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setState({ jobId, job, error: undefined });
        if (finished(job)) finishedRef.current(job);
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, jobId, error }));
        // A refusal (unknown job, signed out) will not change by asking again; a network error might.
        if (!(error instanceof ApiError && error.status < 500))
          timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId]);

  return state.jobId === jobId ? { job: state.job, error: state.error } : { job: null, error: undefined };
}
