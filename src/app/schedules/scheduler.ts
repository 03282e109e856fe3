import { StratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { Mutex } from '../../engines/mutex.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { dueFire, fireAsOf, nextFire } from './cron.js';
import { scheduledJob } from './scheduled-job.js';
import { listSchedules, markScheduleFired, type Schedule } from './schedules.js';

export interface SchedulerDeps {
  readonly engine: Engine;
  readonly jobs: JobRunner;
  /** The clock; tests move it by hand. */
  readonly now: () => Date;
  /** Told about fires, deferrals and failures (the server's logger). */
  readonly log?: SchedulerLog;
}

export type SchedulerLog = (message: string, details: Record<string, unknown>) => void;

/** What one check of the schedules did. */
export interface Tick {
  /** Jobs started (runs or reports): the schedule, the scheduled time it stands for, as-of date, job. */
  readonly fired: readonly { scheduleId: string; fireAt: string; asOf: string; jobId: string }[];
  /** Schedules that are due but wait because a job is running; they fire when it ends. */
  readonly deferred: readonly string[];
}

const SCHEDULER_LOCK = 'stratum:scheduler';

/** The longest the timer sleeps before checking again (so a changed wall clock is noticed within the hour). */
const MAX_SLEEP_MS = 3_600_000;
/** Wakes a little after the scheduled time, so that the time is already past when checked. */
const WAKE_MARGIN_MS = 200;

/**
 * Fires scheduled tiering runs and reports. A schedule is due when its latest scheduled time at or before now
 * is later than its last fire (or its creation): it then starts one job as of the day before the scheduled
 * time in the schedule's zone, a run with the active configuration or a report (see scheduledJob). After
 * downtime that is the latest missed time only, so a missed schedule fires once. A due schedule never
 * overlaps a running job: it waits (deferred) and fires when the job ends, still once. The timer sleeps until
 * the next scheduled time of any enabled schedule.
 */
export class Scheduler {
  private readonly mutex = new Mutex();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private running = false;
  private log: SchedulerLog | undefined;

  constructor(private readonly deps: SchedulerDeps) {
    this.log = deps.log;
  }

  /** Where fires, deferrals and failures are told from now on. */
  setLog(log: SchedulerLog): void {
    this.log = log;
  }

  /** Runs what is due now (missed schedules once), then keeps firing on time until stop(). */
  async start(): Promise<Tick> {
    this.running = true;
    this.unsubscribe = this.deps.jobs.onFinished(() => void this.reload().catch(() => undefined));
    return this.reload();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Checks the schedules now and sets the timer again; call after schedules change (nothing before start()). */
  async reload(): Promise<Tick> {
    if (!this.running) return { fired: [], deferred: [] };
    const tick = await this.tick();
    if (this.running) await this.arm();
    return tick;
  }

  /**
   * Starts a run for every due schedule, one at a time: while a job runs, the others are deferred. Instances
   * sharing a database check one after the other (a named lock), and a fire is recorded before the lock is
   * released, so a schedule fires once across instances.
   */
  tick(): Promise<Tick> {
    return this.mutex.exclusive(() => this.deps.engine.withLock(SCHEDULER_LOCK, () => this.fireDue()));
  }

  private async fireDue(): Promise<Tick> {
    const { engine, jobs, now } = this.deps;
    const fired: { scheduleId: string; fireAt: string; asOf: string; jobId: string }[] = [];
    const deferred: string[] = [];
    for (const s of await listSchedules(engine)) {
      if (!s.enabled) continue;
      const at = now();
      const fireAt = dueFire(s, new Date(s.lastFiredAt ?? s.createdAt), at);
      if (fireAt === null) continue;
      if (jobs.busy) {
        deferred.push(s.scheduleId);
        continue;
      }
      const asOf = fireAsOf(s, fireAt);
      const request = scheduledJob(s, asOf);
      try {
        const job = await jobs.start(request, `schedule:${s.scheduleId}`);
        await markScheduleFired(engine, s.scheduleId, fireAt, job.jobId);
        fired.push({ scheduleId: s.scheduleId, fireAt: fireAt.toISOString(), asOf, jobId: job.jobId });
        this.log?.(`scheduled ${request.kind} started`, {
          scheduleId: s.scheduleId,
          fireAt,
          asOf,
          jobId: job.jobId,
        });
      } catch (error) {
        if (error instanceof StratumError && error.code === 'CONFLICT') deferred.push(s.scheduleId);
        else
          this.log?.('scheduled run could not start', {
            scheduleId: s.scheduleId,
            error: String(error),
          });
      }
    }
    if (deferred.length) this.log?.('scheduled runs deferred until the running job ends', { deferred });
    return { fired, deferred };
  }

  /** The next scheduled time of any enabled schedule after now, or null. */
  async nextWake(): Promise<Date | null> {
    const at = this.deps.now();
    let next: Date | null = null;
    for (const s of await listSchedules(this.deps.engine)) next = earliest(next, nextOf(s, at));
    return next;
  }

  private async arm(): Promise<void> {
    const next = await this.nextWake();
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const sleep = next === null ? MAX_SLEEP_MS : next.getTime() - this.deps.now().getTime() + WAKE_MARGIN_MS;
    this.timer = setTimeout(
      () =>
        void this.reload().catch((error: unknown) =>
          this.log?.('scheduler check failed', { error: String(error) }),
        ),
      Math.min(Math.max(sleep, 0), MAX_SLEEP_MS),
    );
    this.timer.unref();
  }
}

const nextOf = (s: Schedule, at: Date): Date | null => (s.enabled ? nextFire(s, at) : null);

const earliest = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b;
