import { html, type Html, type HtmlValue } from './html.js';
import type { ReportLanguage } from '../../contracts/reports/report-request.js';
import type { ReportData } from './report-data.js';
import type { ReportStrings } from './report-strings.js';

/** What every section renderer gets: the loaded data and the language's strings. */
export interface SectionContext {
  readonly data: ReportData;
  readonly s: ReportStrings;
  readonly language: ReportLanguage;
}

export type Cell = string | number | Html;

/** One report section: its heading, then the text, charts and tables it is given. */
export const section = (id: string, heading: string, body: readonly HtmlValue[]): Html =>
  html`<section class="report-section" id="${id}">
    <h2>${heading}</h2>
    ${body}
  </section>`;

export const subheading = (text: string): Html => html`<h3>${text}</h3>`;

/** The short text that says what changed. */
export const lead = (text: string): Html => html`<p class="lead">${text}</p>`;

export const note = (text: string): Html => html`<p class="note">${text}</p>`;

export const figure = (caption: string, chart: Html): Html =>
  html`<figure class="chart">
    <figcaption>${caption}</figcaption>
    ${chart}
  </figure>`;

/** Charts side by side (two per row). */
export const chartGrid = (figures: readonly Html[]): Html => html`<div class="chart-grid">${figures}</div>`;

/** A compact table: the first column labels the row, the others hold numbers (right-aligned); `total` last, in bold. */
export function table(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  total?: readonly Cell[],
): Html {
  const cells = (row: readonly Cell[]) =>
    row.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`));
  return html`<table>
    <thead>
      <tr>
        ${head.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${cells(r)}
          </tr>`,
      )}${
        total
          ? html`<tr class="total">
              ${cells(total)}
            </tr>`
          : ''
      }
    </tbody>
  </table>`;
}
