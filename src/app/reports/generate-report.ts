import type { ExperimentResultSummary } from '../../contracts/experiments/experiment-result.js';
import { experimentResultsAsOf } from '../experiments/experiment-results.js';
import type { RenderedReport, ReportRequest } from '../../contracts/reports/report-request.js';
import type { Engine } from '../../engines/engine.js';
import { LOAD_STEPS, loadReportData, type LoadStep } from './load-report-data.js';
import { renderPdf } from './render-pdf.js';
import { renderReportHtml, reportTitle } from './render-report-html.js';

export {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_PERIODS,
  type RenderedReport,
  type ReportRequest,
} from '../../contracts/reports/report-request.js';

export interface GenerateReportOptions {
  /** Zone of the "generated at" time (default Asia/Shanghai). */
  readonly timeZone?: string;
  readonly onProgress?: (done: number, total: number, step: string) => void;
  /** The experiments' results as of the period's end (default: every assigned experiment running by then). */
  readonly experiments?: (engine: Engine, periodEnd: string) => Promise<readonly ExperimentResultSummary[]>;
  /** Chromium for PDF (default /usr/bin/chromium, Debian's package). */
  readonly chromiumPath?: string;
}

const STEP_LABELS: Readonly<Record<LoadStep | 'html' | 'pdf', string>> = {
  tiers: 'Tiers of the period and the previous one',
  migration: 'Migration between the periods',
  trend: 'KPIs by tier over the recent periods',
  churn: 'Churn warnings, win-back and actions',
  risk: 'Risk and overdue exposure',
  workload: 'Account manager workload',
  experiments: 'Experiments',
  satisfaction: 'Customer satisfaction',
  html: 'Rendering HTML and charts',
  pdf: 'Printing the PDF in Chromium',
};

/**
 * The periodic analysis report: the ISO week or calendar month holding `asOf` (default: the latest run's as-of
 * date) against the period before, as a self-contained HTML file or an A4 PDF printed by headless Chromium.
 */
export async function generateReport(
  engine: Engine,
  request: ReportRequest,
  options: GenerateReportOptions = {},
): Promise<RenderedReport> {
  const steps = [...LOAD_STEPS, 'html' as const, ...(request.format === 'pdf' ? (['pdf'] as const) : [])];
  let done = 0;
  const progress = (step: (typeof steps)[number]) =>
    options.onProgress?.(done++, steps.length, STEP_LABELS[step]);
  const data = await loadReportData(engine, {
    period: request.period,
    asOf: request.asOf,
    onStep: progress,
    experiments: options.experiments ?? experimentResultsAsOf,
  });
  progress('html');
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const html = renderReportHtml(data, { language: request.language, timeZone, generatedAt: new Date() });
  const base = {
    title: reportTitle(data, request.language),
    periodStart: data.span.start,
    periodEnd: data.span.end,
  };
  const name = `stratum-${request.period}-${data.span.label}`;
  if (request.format === 'html') {
    options.onProgress?.(steps.length, steps.length, 'Done');
    return {
      ...base,
      filename: `${name}.html`,
      contentType: 'text/html; charset=utf-8',
      bytes: new TextEncoder().encode(html),
    };
  }
  progress('pdf');
  const bytes = await renderPdf(html, options.chromiumPath);
  options.onProgress?.(steps.length, steps.length, 'Done');
  return { ...base, filename: `${name}.pdf`, contentType: 'application/pdf', bytes };
}
