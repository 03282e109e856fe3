import { existsSync } from 'node:fs';
import { stratumError } from '../../contracts/errors.js';

/** Debian's Chromium (`apt-get install chromium`); stratum never downloads a browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const FOOTER = `<div style="font-size:8px;width:100%;text-align:center;color:#9ca3af"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/** Prints a self-contained HTML document to an A4 PDF in headless Chromium, with page numbers in the footer. */
export async function renderPdf(
  html: string,
  executablePath: string = DEFAULT_CHROMIUM,
): Promise<Uint8Array> {
  if (!existsSync(executablePath))
    throw stratumError(
      'DEPENDENCY_MISSING',
      `PDF reports need Chromium at ${executablePath}: install it with apt-get install chromium`,
      { dependency: 'chromium', path: executablePath },
    );
  // Loaded here rather than at the top: every CLI command imports the reports, and few print PDFs (≈0.4 s saved).
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
