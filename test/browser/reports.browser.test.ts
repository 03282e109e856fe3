import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { listReports, reportContent } from '../../src/app/reports/stored-reports.js';
import { screenshot, withPage } from '../support/browser.js';
import { field, msg, msgPattern, navLinks, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

describe('the reports page', () => {
  it('generates an HTML report with its progress, lists it and downloads the stored file', async () => {
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'reports' },
      async ({ page }) => {
        await page.goto('/');
        expect(await navLinks(page)).toContain(msg('nav.reports'));
        await page.goto('/reports');
        await visible(page.getByRole('heading', { level: 1, name: msg('nav.reports') }));
        await visible(page.getByText(msg('reports.none')));

        await field(page, msg('reports.format')).selectOption('html');
        await field(page, msg('reports.language')).selectOption('en');
        await page.getByRole('button', { name: msg('reports.generate') }).click();
        await visible(page.getByRole('progressbar', { name: msg('reports.progressLabel') }));
        await page.getByText(msgPattern('reports.ready')).waitFor({ state: 'visible', timeout: 120_000 });
        expect(
          await page
            .getByRole('progressbar', { name: msg('reports.progressLabel') })
            .getAttribute('aria-valuenow'),
        ).toBe('100');

        const { reports } = await listReports(session.dash.engine, { limit: 10, offset: 0 });
        expect(reports).toHaveLength(1);
        const report = reports[0]!;
        expect(report).toMatchObject({
          format: 'html',
          language: 'en',
          period: 'week',
          createdBy: session.dash.users.analyst.username,
        });
        const rows = page.locator('table.reports tbody tr');
        await visible(rows.getByText(report.title));
        expect(await rows.count()).toBe(1);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          rows
            .getByRole('link', { name: msg('reports.downloadNamed', { filename: report.filename }) })
            .click(),
        ]);
        expect(download.suggestedFilename()).toBe(report.filename);
        const file = await readFile((await download.path())!);
        expect(
          Buffer.compare(file, (await reportContent(session.dash.engine, report.reportId)).content),
        ).toBe(0);
        expect(file.toString('utf8')).toMatch(/^\s*<!doctype html>/i);
        await screenshot(page, 'reports');
      },
    );
  });
});
