import { stratumError } from '../../contracts/errors.js';
import { IsoDateSchema } from '../../contracts/time/iso-date.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import type { JobRequest } from './job.js';

/** The most runs one backfill job may make (ten years of weekly runs). */
export const MAX_BACKFILL_RUNS = 520;

function checkDate(value: string, field: string): void {
  if (!IsoDateSchema.safeParse(value).success)
    throw stratumError('INVALID_ARGUMENT', `${field}: "${value}" is not a date YYYY-MM-DD`, { field });
}

/** Refuses a request that could only fail, before it is queued: INVALID_ARGUMENT naming the field. */
export function checkJobRequest(request: JobRequest): void {
  if (request.kind === 'run') return checkDate(request.asOf, 'asOf');
  if (request.kind === 'allocation') return;
  if (request.kind === 'report')
    return request.asOf === undefined ? undefined : checkDate(request.asOf, 'asOf');
  checkDate(request.from, 'from');
  checkDate(request.to, 'to');
  const runs = backfillDates(request.from, request.to, request.every).length;
  if (runs === 0)
    throw stratumError('INVALID_ARGUMENT', `from ${request.from} is after to ${request.to}`, {
      field: 'from',
    });
  if (runs > MAX_BACKFILL_RUNS)
    throw stratumError(
      'INVALID_ARGUMENT',
      `from ${request.from} to ${request.to} every ${request.every} makes ${runs} runs; at most ${MAX_BACKFILL_RUNS} per job`,
      { field: 'from' },
    );
}
