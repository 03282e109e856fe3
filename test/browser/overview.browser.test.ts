import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport, type TieringReport } from '../../src/app/tiering/build-report.js';
import { TAGS, TIERS } from '../../src/contracts/tiering/tiers.js';
import { screenshot, TABLET, withPage } from '../support/browser.js';
import { paintedShare } from './support/a11y.js';
import { location, msg, parseShown, tagName, tierName, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

const round2 = (x: number) => Math.round(x * 100) / 100;

/** What `stratum report --json` says of a run, in the figures the overview shows. */
function expectedFigures(report: TieringReport) {
  return {
    tiers: Object.fromEntries(
      TIERS.map((tier) => {
        const row = report.tiers.find((r) => r.tier === tier);
        return [tierName(tier), { customers: row?.customers ?? 0, revenue: round2(row?.revenue ?? 0) }];
      }),
    ),
    excluded: report.excluded,
    tags: Object.fromEntries(TAGS.map((tag) => [tagName(tag), report.tags[tag]])),
  };
}

/** The figures on the page: customers and revenue per tier (the share table), excluded customers, tag counts. */
async function shownFigures(page: Page) {
  const rows = await page
    .locator('section[aria-labelledby="overview-shares"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')?.textContent ?? '',
        ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ]),
    );
  const tiers: Record<string, { customers: number | null; revenue: number | null }> = {};
  let excluded: number | null = null;
  for (const [name = '', customers = '', , revenue = ''] of rows) {
    if (name.trim() === msg('overview.excluded')) excluded = parseShown(customers);
    else tiers[name.trim()] = { customers: parseShown(customers), revenue: parseShown(revenue) };
  }
  const tagItems = await page
    .locator('section[aria-labelledby="overview-tags"] li')
    .evaluateAll((lis) =>
      lis.map((li) => [
        li.querySelector('.insights-tag-name')?.textContent ?? '',
        li.querySelector('.insights-tag-count')?.textContent ?? '',
      ]),
    );
  const tags = Object.fromEntries(
    tagItems.map(([name = '', count = '']) => [name.trim(), parseShown(count)]),
  );
  return { tiers, excluded, tags };
}

describe('the overview', () => {
  it('shows the tier counts, revenue and tags of `stratum report --json`, for the latest run and an earlier one', async () => {
    const latest = await buildReport(session.dash.engine);
    expect(latest.previousRunId).not.toBeNull();
    const earlier = await buildReport(session.dash.engine, latest.previousRunId ?? undefined);
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'overview' },
      async ({ page }) => {
        await page.goto('/');
        await visible(page.locator('section[aria-labelledby="overview-shares"] tbody tr'));
        await visible(page.locator('.insights-note', { hasText: latest.runId }));
        expect(await shownFigures(page)).toEqual(expectedFigures(latest));

        await page.getByLabel(msg('overview.run')).selectOption(earlier.runId);
        await expect.poll(() => location(page).params.run).toBe(earlier.runId);
        await visible(page.locator('.insights-note', { hasText: earlier.runId }));
        await expect.poll(() => shownFigures(page)).toEqual(expectedFigures(earlier));

        // Back to the latest run with the browser's back button: the run is in the URL.
        await page.goBack();
        await expect.poll(() => location(page).params.run).toBeUndefined();
        await expect.poll(() => shownFigures(page)).toEqual(expectedFigures(latest));
      },
    );
  });

  it('draws every chart with data and names it for screen readers', async () => {
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'overview-charts' },
      async ({ page }) => {
        await page.goto('/');
        const charts = page.locator('main [role="img"]');
        await visible(charts);
        // Tier shares, cities, customer types, cuisines and lifetime value at least.
        await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(5);
        for (const chart of await charts.all()) {
          expect((await chart.getAttribute('aria-label'))?.trim()).toBeTruthy();
          await expect.poll(() => paintedShare(chart), { timeout: 10_000 }).toBeGreaterThan(0.01);
        }
        await page.waitForLoadState('networkidle');
        await screenshot(page, 'overview');
      },
    );
  });

  it('fits a tablet screen without scrolling sideways', async () => {
    const cookie = await session.dash.session('manager');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, viewport: TABLET, name: 'overview-tablet' },
      async ({ page }) => {
        await page.goto('/');
        await visible(page.locator('section[aria-labelledby="overview-shares"] tbody tr'));
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, 'overview-tablet');
      },
    );
  });
});
