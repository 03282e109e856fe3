import type { Row } from '../../engines/engine.js';
import type { AllocationJobRequest } from '../allocation/allocation-job.js';
import type { ReportJobRequest } from '../reports/report-job.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * What a job does: one tiering run as of a date, a backfill of runs every week or month of a range, an
 * allocation round (computed, and applied unless a dry run), or a periodic report (generated and stored).
 */
export type JobRequest =
  | {
      readonly kind: 'run';
      readonly asOf: string;
      /** Who asked: 'run' for a person or an integration, 'schedule' for the scheduler. */
      readonly trigger: 'run' | 'schedule';
    }
  | {
      readonly kind: 'backfill';
      readonly from: string;
      readonly to: string;
      readonly every: 'week' | 'month';
    }
  | AllocationJobRequest
  | ReportJobRequest;

/** Why a job failed: an error code of the registry, or INTERRUPTED when the server stopped during the job. */
export interface JobError {
  readonly code: string;
  readonly message: string;
}

export const INTERRUPTED: JobError = {
  code: 'INTERRUPTED',
  message: 'interrupted: the server stopped while the job was queued or running',
};

/** A background job as stored in `jobs` (params and result parsed from their JSON). */
export interface Job {
  readonly jobId: string;
  /** run, backfill, allocation or report (other features may store other kinds, e.g. import). */
  readonly kind: string;
  readonly status: JobStatus;
  /** 0–1. */
  readonly progress: number;
  readonly step: string | null;
  readonly requestedBy: string;
  /** The request, with the configuration version it uses. */
  readonly params: unknown;
  /**
   * The outcome: a run summary (run), the runs made (backfill), the plan (allocation) or the stored report
   * (report).
   */
  readonly result: unknown;
  readonly error: JobError | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const json = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(String(v)));

export function jobFromRow(r: Row): Job {
  return {
    jobId: String(r.job_id),
    kind: String(r.kind),
    status: String(r.status) as JobStatus,
    progress: Number(r.progress),
    step: str(r.step),
    requestedBy: String(r.requested_by),
    params: json(r.params),
    result: json(r.result),
    error: json(r.error) as JobError | null,
    createdAt: String(r.created_at),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
  };
}
