// Answers of /api/v1/reports (src/contracts/reports/report-info.ts) and the result of a report job
// (src/app/reports/report-job.ts, mirrored: the dashboard imports src/contracts only).

export type { ReportInfo } from '../../../src/contracts/reports/report-info';
import type { ReportInfo } from '../../../src/contracts/reports/report-info';

export interface ReportList {
  readonly items: readonly ReportInfo[];
  readonly total: number;
}

export interface ReportJobResult {
  readonly reportId: string;
  readonly title: string;
  readonly filename: string;
}
