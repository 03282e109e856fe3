import { randomUUID } from 'node:crypto';
import { StratumError, stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import {
  failUnfinishedJobsSql,
  finishJobSql,
  getJobSql,
  insertJobSql,
  listJobsSql,
  markJobRunningSql,
  type JobFilter,
} from '../../sql/jobs/jobs-sql.js';
import { activeConfigVersion, versionConfig } from '../configs/config-versions.js';
import { executeJob } from './execute-job.js';
import { INTERRUPTED, jobFromRow, type Job, type JobError, type JobRequest } from './job.js';
import { checkJobRequest } from './check-job-request.js';

export interface JobRunnerDeps {
  readonly engine: Engine;
  readonly now: () => Date;
}

type Listener = (job: Job) => void;

/** The named lock a job holds while it is recorded and runs: one job at a time across every instance. */
export const JOB_LOCK = 'stratum:job';

/** The queued or running job: null until its row is recorded; `finished` settles when it is no longer active. */
interface Active {
  job: Job | null;
  readonly finished: Promise<Job | null>;
  readonly settle: (job: Job | null) => void;
}

function claim(): Active {
  let settle!: (job: Job | null) => void;
  const finished = new Promise<Job | null>((resolve) => (settle = resolve));
  return { job: null, finished, settle };
}

/**
 * Runs tiering jobs in the background of the server process, one at a time: starting a job while another is
 * queued or running fails with CONFLICT (a run never overlaps another). The state of the active job (progress,
 * step) is kept in memory, because a run holds the database for its whole transaction; the `jobs` table gets
 * the job when it is requested, when it starts and when it ends.
 */
export class JobRunner {
  private active: Active | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: JobRunnerDeps) {}

  /** Whether a job is queued or running. */
  get busy(): boolean {
    return this.active !== null;
  }

  /** The queued or running job, if any. */
  get current(): Job | null {
    return this.active?.job ?? null;
  }

  /**
   * Queues a job with the active configuration version and starts it in the background; resolves with the
   * queued job once it is recorded. CONFLICT while another job is queued or running, in this process or in any
   * other instance on the same database (the job holds the engine's named lock JOB_LOCK while it runs).
   */
  async start(request: JobRequest, requestedBy: string): Promise<Job> {
    if (this.active) {
      const other = this.active.job;
      throw stratumError(
        'CONFLICT',
        `${other ? `job ${other.jobId} is ${other.status}` : 'another job is starting'}: a run never overlaps another`,
        { what: 'job' },
      );
    }
    checkJobRequest(request);
    // Claimed before the first await, so that two starts in the same tick cannot both pass the check above.
    const active = claim();
    this.active = active;
    let recorded!: (job: Job) => void;
    let refused!: (error: unknown) => void;
    const queued = new Promise<Job>((resolve, reject) => ((recorded = resolve), (refused = reject)));
    const held = this.deps.engine.tryWithLock(JOB_LOCK, async () => {
      // Holding the lock, no job runs anywhere: unfinished rows were left by a process that died.
      await this.failUnfinished();
      const { job, config } = await this.record(request, requestedBy);
      active.job = job;
      recorded(job);
      // Run on a later turn of the event loop: what the caller does right after (an audit entry, a schedule's
      // bookkeeping) reaches the database before the run takes it.
      await new Promise((resolve) => setImmediate(resolve));
      await this.execute(active, request, config);
    });
    held.then(
      (ran) =>
        ran ??
        refused(
          stratumError('CONFLICT', 'a job is running on another instance: a run never overlaps another', {
            what: 'job',
          }),
        ),
      refused,
    );
    try {
      return await queued;
    } catch (error) {
      this.active = null;
      active.settle(null);
      throw error;
    }
  }

  private async record(
    request: JobRequest,
    requestedBy: string,
  ): Promise<{ job: Job; config: Parameters<typeof executeJob>[2] }> {
    const { engine, now } = this.deps;
    const version = await activeConfigVersion(engine, now());
    const job: Job = {
      jobId: `job-${randomUUID()}`,
      kind: request.kind,
      status: 'queued',
      progress: 0,
      step: null,
      requestedBy,
      params: { ...request, configVersion: version.version },
      result: null,
      error: null,
      createdAt: now().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    await engine.run(
      insertJobSql(engine.dialect, {
        jobId: job.jobId,
        kind: job.kind,
        requestedBy,
        params: JSON.stringify(job.params),
        createdAt: job.createdAt,
      }),
    );
    return { job, config: { version: version.version, config: versionConfig(version) } };
  }

  private async execute(
    active: Active,
    request: JobRequest,
    config: Parameters<typeof executeJob>[2],
  ): Promise<void> {
    const { engine, now } = this.deps;
    const d = engine.dialect;
    const update = (change: Partial<Job>): Job => (active.job = { ...active.job!, ...change });
    let outcome: Job;
    try {
      const running = update({ status: 'running', startedAt: now().toISOString() });
      await engine.run(markJobRunningSql(d, running.jobId, running.startedAt!));
      const result = await executeJob(
        engine,
        request,
        config,
        (progress, step) => update({ progress, step }),
        { jobId: running.jobId, requestedBy: running.requestedBy, now },
      );
      outcome = update({ status: 'succeeded', progress: 1, step: null, result });
    } catch (error) {
      outcome = update({ status: 'failed', error: jobError(error) });
    }
    outcome = update({ finishedAt: now().toISOString() });
    try {
      await engine.run(
        finishJobSql(d, outcome.jobId, {
          status: outcome.status === 'succeeded' ? 'succeeded' : 'failed',
          progress: outcome.progress,
          step: outcome.step,
          result: outcome.result === null ? null : JSON.stringify(outcome.result),
          error: outcome.error === null ? null : JSON.stringify(outcome.error),
          finishedAt: outcome.finishedAt!,
        }),
      );
    } catch {
      // The database is gone (closing): the row stays 'running' and is marked interrupted on the next start.
    }
    this.active = null;
    active.settle(outcome);
    for (const listener of this.listeners) {
      try {
        listener(outcome);
      } catch {
        // A listener's failure is its own; the job is finished either way.
      }
    }
  }

  /** One job: the active one from memory, any other from the database. NOT_FOUND when there is none. */
  async get(jobId: string): Promise<Job> {
    if (this.active?.job?.jobId === jobId) return this.active.job;
    const [row] = await this.deps.engine.all(getJobSql(this.deps.engine.dialect, jobId));
    if (!row) throw stratumError('NOT_FOUND', `no job ${jobId}`, { what: 'job', id: jobId });
    return jobFromRow(row);
  }

  /** Jobs, newest first; the active one with its live progress. */
  async list(filter: JobFilter): Promise<Job[]> {
    const rows = await this.deps.engine.all(listJobsSql(this.deps.engine.dialect, filter));
    const live = this.active?.job;
    return rows.map((r) => (live && r.job_id === live.jobId ? live : jobFromRow(r)));
  }

  /** Resolves with the job once it has finished (at once when it already has). */
  async wait(jobId: string): Promise<Job> {
    const active = this.active;
    if (active?.job?.jobId === jobId) return (await active.finished)!;
    return this.get(jobId);
  }

  /** Resolves once no job is queued or running. */
  async idle(): Promise<void> {
    while (this.active) await this.active.finished;
  }

  /** Calls `listener` with every job that finishes (succeeded or failed); returns the unsubscribe function. */
  onFinished(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Marks jobs that a process which died left queued or running as failed (INTERRUPTED), unless a job is
   * running on another instance (then every unfinished row may be its). start() does the same under the lock;
   * the server calls this when it gets ready. Returns their ids.
   */
  async recoverInterrupted(): Promise<string[]> {
    const done = await this.deps.engine.tryWithLock(JOB_LOCK, () => this.failUnfinished());
    return done?.value ?? [];
  }

  private async failUnfinished(): Promise<string[]> {
    const { engine, now } = this.deps;
    const rows = await engine.all(
      failUnfinishedJobsSql(engine.dialect, JSON.stringify(INTERRUPTED), now().toISOString()),
    );
    return rows.map((r) => String(r.job_id));
  }
}

function jobError(error: unknown): JobError {
  if (error instanceof StratumError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
