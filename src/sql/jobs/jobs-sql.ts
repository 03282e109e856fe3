import type { Dialect } from '../dialects/dialect.js';
import { sql, type SqlQuery } from '../query.js';

export interface JobInsert {
  readonly jobId: string;
  readonly kind: string;
  readonly requestedBy: string;
  readonly params: string;
  readonly createdAt: string;
}

const COLUMNS =
  'job_id, kind, status, progress, step, requested_by, params, result, error, created_at, started_at, finished_at';

export function insertJobSql(d: Dialect, job: JobInsert): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `INSERT INTO jobs (job_id, kind, status, progress, step, requested_by, params, created_at)
     VALUES (${p(1)}, ${p(2)}, 'queued', 0, NULL, ${p(3)}, ${p(4)}, CAST(${p(5)} AS TIMESTAMPTZ))`,
    [job.jobId, job.kind, job.requestedBy, job.params, job.createdAt],
  );
}

export function markJobRunningSql(d: Dialect, jobId: string, startedAt: string): SqlQuery {
  return sql(
    `UPDATE jobs SET status = 'running', started_at = CAST(${d.param(2)} AS TIMESTAMPTZ) WHERE job_id = ${d.param(1)}`,
    [jobId, startedAt],
  );
}

export interface JobOutcome {
  readonly status: 'succeeded' | 'failed';
  readonly progress: number;
  readonly step: string | null;
  readonly result: string | null;
  readonly error: string | null;
  readonly finishedAt: string;
}

export function finishJobSql(d: Dialect, jobId: string, o: JobOutcome): SqlQuery {
  const p = (i: number) => d.param(i);
  return sql(
    `UPDATE jobs SET status = ${p(2)}, progress = ${p(3)}, step = ${p(4)}, result = ${p(5)}, error = ${p(6)},
       finished_at = CAST(${p(7)} AS TIMESTAMPTZ)
     WHERE job_id = ${p(1)}`,
    [jobId, o.status, o.progress, o.step, o.result, o.error, o.finishedAt],
  );
}

/** Jobs a stopped server left queued or running: failed with `error`, finished `at`. Returns their ids. */
export function failUnfinishedJobsSql(d: Dialect, error: string, at: string): SqlQuery {
  return sql(
    `UPDATE jobs SET status = 'failed', error = ${d.param(1)}, finished_at = CAST(${d.param(2)} AS TIMESTAMPTZ)
     WHERE status IN ('queued', 'running')
     RETURNING job_id`,
    [error, at],
  );
}

export const getJobSql = (d: Dialect, jobId: string): SqlQuery =>
  sql(`SELECT ${COLUMNS} FROM jobs WHERE job_id = ${d.param(1)}`, [jobId]);

export interface JobFilter {
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Newest first. */
export function listJobsSql(d: Dialect, f: JobFilter): SqlQuery {
  const params: (string | number)[] = [];
  const add = (value: string | number) => {
    params.push(value);
    return d.param(params.length);
  };
  const where: string[] = [];
  if (f.kind !== undefined) where.push(`kind = ${add(f.kind)}`);
  if (f.status !== undefined) where.push(`status = ${add(f.status)}`);
  return sql(
    `SELECT ${COLUMNS} FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, job_id DESC LIMIT ${add(f.limit)} OFFSET ${add(f.offset)}`,
    params,
  );
}
