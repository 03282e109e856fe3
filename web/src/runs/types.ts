import type { RunInfo } from '../../../src/contracts/tiering/run-info';
import type { ScheduleAction } from '../../../src/contracts/schedules/schedule-action';
import type { Tier } from '../../../src/contracts/tiering/tiers';

// Answers of /api/v1/runs, /jobs and /schedules (schemas in src/api/routes/{runs,jobs,schedules}/schemas.ts,
// mirrored where they are not in src/contracts: the dashboard imports src/contracts only).

export type { RunInfo } from '../../../src/contracts/tiering/run-info';

export interface RunList {
  readonly items: readonly RunInfo[];
  readonly total: number;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  readonly jobId: string;
  readonly kind: string;
  readonly status: JobStatus;
  /** 0–1. */
  readonly progress: number;
  readonly step: string | null;
  readonly requestedBy: string;
  readonly params: unknown;
  /** A run summary (`stratum run --json` plus configVersion) when a run succeeded. */
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface RunSummary {
  readonly runId: string;
  readonly asOf: string;
  readonly customers: number;
  readonly tiers: Readonly<Record<Tier, number>>;
  readonly durationMs: number;
}

export interface Schedule {
  readonly scheduleId: string;
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastFiredAt: string | null;
  readonly lastJobId: string | null;
  readonly nextRunAt: string | null;
  /** What a fire starts: a tiering run, or a report. */
  readonly action: ScheduleAction;
}
