import { isoDateIn } from '../../contracts/time/zoned-time.js';
import type { ReportLanguage } from '../../contracts/reports/report-request.js';
import { html, trusted } from './html.js';
import type { ReportData } from './report-data.js';
import type { SectionContext } from './report-layout.js';
import { REPORT_STRINGS } from './report-strings.js';
import { REPORT_CSS } from './report-styles.js';
import { churnSection } from './sections/churn-section.js';
import { experimentsSection } from './sections/experiments-section.js';
import { kpiTrendSection } from './sections/kpi-trend-section.js';
import { riskSection } from './sections/risk-section.js';
import { satisfactionSection } from './sections/satisfaction-section.js';
import { summarySection } from './sections/summary-section.js';
import { tiersSection } from './sections/tiers-section.js';
import { workloadSection } from './sections/workload-section.js';

/** The sections in the order the report shows them. */
export const SECTIONS = [
  summarySection,
  tiersSection,
  kpiTrendSection,
  churnSection,
  riskSection,
  workloadSection,
  experimentsSection,
  satisfactionSection,
] as const;

export function reportTitle(data: ReportData, language: ReportLanguage): string {
  return REPORT_STRINGS[language].title(data.span.period, data.span.label);
}

/** "2025-06-09 10:30" in a time zone. */
function wallClock(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${isoDateIn(timeZone, at.getTime())} ${time.format(at)}`;
}

/** The report as one self-contained HTML document: inline CSS, charts as inline SVG, every text escaped. */
export function renderReportHtml(
  data: ReportData,
  options: { readonly language: ReportLanguage; readonly timeZone: string; readonly generatedAt: Date },
): string {
  const s = REPORT_STRINGS[options.language];
  const ctx: SectionContext = { data, s, language: options.language };
  const title = reportTitle(data, options.language);
  const { current, previous } = data;
  const document = html`<!doctype html>
    <html lang="${options.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${trusted(REPORT_CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          <p class="meta">
            ${s.coverage({ start: data.span.start, end: data.span.end, run: current.runId, asOf: current.asOf })}
          </p>
          <p class="meta">
            ${s.comparedWith(
              previous ? { label: data.previousSpan.label, run: previous.runId, asOf: previous.asOf } : null,
            )}
          </p>
        </header>
        <main>${SECTIONS.map((render) => render(ctx))}</main>
        <footer>${s.generated(wallClock(options.generatedAt, options.timeZone), options.timeZone)}</footer>
      </body>
    </html> `;
  return document.text;
}
