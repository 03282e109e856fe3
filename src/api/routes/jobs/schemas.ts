import { z } from 'zod';
import { JOB_STATUSES } from '../../../app/jobs/job.js';

export const JobSchema = z.object({
  jobId: z.string(),
  kind: z.string().describe('run, backfill, allocation or report'),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(1),
  step: z.string().nullable().describe('What the job is doing now'),
  requestedBy: z.string().describe('User or key name, or schedule:<id>'),
  params: z.unknown().describe('The request, with the configuration version used'),
  result: z
    .unknown()
    .describe(
      'A run summary (run), the runs made (backfill), the plan (allocation; null for callers without allocation.read) or the stored report (report: reportId, title, filename, periodStart, periodEnd, sizeBytes)',
    ),
  error: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Error code and message when failed; INTERRUPTED when the server stopped during the job'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const JobAccepted = z.object({ jobId: z.string(), job: JobSchema });
