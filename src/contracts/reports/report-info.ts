import { z } from 'zod';
import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_PERIODS } from './report-request.js';

/** A stored report without its content: what the API lists and the dashboard shows. */
export const ReportInfoSchema = z.object({
  reportId: z.string(),
  title: z.string(),
  period: z.enum(REPORT_PERIODS),
  format: z.enum(REPORT_FORMATS),
  language: z.enum(REPORT_LANGUAGES),
  periodStart: z.string().describe('First day covered (YYYY-MM-DD)'),
  periodEnd: z.string().describe('Last day covered (YYYY-MM-DD)'),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().describe('User or key name, or schedule:<id>'),
  jobId: z.string().describe('The job that generated it'),
  scheduleId: z.string().nullable().describe('The schedule that fired it; null when requested'),
});
export type ReportInfo = z.infer<typeof ReportInfoSchema>;
