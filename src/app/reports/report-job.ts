import type { ReportRequest } from '../../contracts/reports/report-request.js';
import type { Engine } from '../../engines/engine.js';
import { generateReport } from './generate-report.js';
import { saveReport } from './stored-reports.js';

/** A report job: generate a periodic report and store it. */
export interface ReportJobRequest extends ReportRequest {
  readonly kind: 'report';
  /** Zone of the report's dates and times (the schedule's, or the server's). */
  readonly timeZone: string;
  /** The schedule that fired it; null when someone asked. */
  readonly scheduleId: string | null;
}

/** What a report job stores as its result: the stored report, by id. */
export interface ReportJobResult {
  readonly reportId: string;
  readonly title: string;
  readonly filename: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly sizeBytes: number;
}

/** Share of the progress bar for rendering; storing takes the rest. */
const RENDERED = 0.95;

/** Generates the report with progress, then stores it with the job and who asked. */
export async function runReportJob(
  engine: Engine,
  request: ReportJobRequest,
  job: { readonly jobId: string; readonly requestedBy: string; readonly now: () => Date },
  report: (progress: number, step: string) => void,
): Promise<ReportJobResult> {
  const { period, format, language, asOf } = request;
  const rendered = await generateReport(
    engine,
    { period, format, language, asOf },
    {
      timeZone: request.timeZone,
      onProgress: (done, total, step) => report((RENDERED * done) / Math.max(total, 1), step),
    },
  );
  report(RENDERED, 'Storing the report');
  const info = await saveReport(engine, {
    rendered,
    request,
    createdBy: job.requestedBy,
    jobId: job.jobId,
    scheduleId: request.scheduleId,
    createdAt: job.now(),
  });
  const { reportId, title, filename, periodStart, periodEnd, sizeBytes } = info;
  return { reportId, title, filename, periodStart, periodEnd, sizeBytes };
}
