/** The report's only stylesheet, inlined: readable on screen, A4 in print, sections that do not split badly. */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', system-ui, sans-serif;
  color: #1f2937; margin: 0 auto; max-width: 720px; padding: 16px; font-size: 13px; line-height: 1.55; }
header { border-bottom: 3px solid #5b6b7f; margin-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 22px 0 6px; padding-bottom: 3px; border-bottom: 1px solid #d1d5db; break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 4px; break-after: avoid; }
p { margin: 4px 0 8px; }
p.meta { color: #4b5563; margin: 2px 0; }
p.lead { font-size: 13.5px; break-after: avoid; }
p.note { color: #6b7280; font-size: 11px; }
p.warning { color: #b42318; font-weight: 600; }
figure.chart { margin: 6px 0 10px; break-inside: avoid; }
figure.chart figcaption { font-size: 12px; font-weight: 600; color: #374151; margin-bottom: 2px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.chart-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 11.5px; font-variant-numeric: tabular-nums; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 3px 6px; border-bottom: 1px solid #e5e7eb; }
thead th { text-align: right; background: #f3f4f6; font-weight: 600; }
thead th:first-child, tbody th { text-align: left; font-weight: 500; }
td { text-align: right; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 1.5px solid #9ca3af; }
footer { margin-top: 24px; color: #9ca3af; font-size: 11px; border-top: 1px solid #e5e7eb; padding-top: 6px; }
@media print {
  body { max-width: none; padding: 0; }
  section.report-section { break-before: auto; }
  h2 { break-before: auto; }
}
`;
