import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/tiering/build-report.js';
import { sql } from '../../src/sql/query.js';
import { ensureDashboardBuilt, launchChromium, screenshot, withPage } from '../support/browser.js';
import {
  lowContrastText,
  paintedShare,
  tabStops,
  unlabelledGraphics,
  unnamedControls,
} from './support/a11y.js';
import { dashboardServer, type DashboardServer } from './support/dashboard-server.js';
import { msg, navLinks, visible } from './support/ui.js';

let browser: Browser;
let dash: DashboardServer;
let empty: DashboardServer;
let customerId: string;

beforeAll(async () => {
  await ensureDashboardBuilt();
  [browser, dash, empty] = await Promise.all([
    launchChromium(),
    dashboardServer(),
    // Imported and cleaned, but never tiered: what a new installation shows.
    dashboardServer({ customers: 100, months: 3, weeks: 0 }),
  ]);
  const { runId } = await buildReport(dash.engine);
  const [top] = await dash.engine.all(
    sql(
      'SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND score IS NOT NULL ORDER BY score DESC, customer_id LIMIT 1',
      [runId],
    ),
  );
  customerId = String(top?.customer_id);
});
afterAll(async () => {
  await browser?.close();
  await dash?.close();
  await empty?.close();
});

const PAGES = [
  { name: 'overview', path: '/', title: 'nav.overview' },
  { name: 'migration', path: '/migration', title: 'nav.migration' },
  { name: 'customers-admin', path: '/customers', title: 'nav.customers' },
  { name: 'customer-admin', path: '/customers/:id', title: null },
  { name: 'risk', path: '/risk', title: 'nav.risk' },
  { name: 'config-admin', path: '/config', title: 'nav.config' },
  { name: 'runs', path: '/runs', title: 'nav.runs' },
  { name: 'reports', path: '/reports', title: 'nav.reports' },
  { name: 'allocation', path: '/allocation', title: 'nav.allocation' },
  { name: 'visits', path: '/visits', title: 'nav.visits' },
  { name: 'experiments', path: '/experiments', title: 'nav.experiments' },
] as const;

describe('every page, as an admin', () => {
  it.each(PAGES)(
    '$name ($path) loads without errors, names its inputs and charts, and reads well',
    async (p) => {
      const cookie = await dash.session('admin');
      await withPage(browser, { baseURL: dash.url, cookie, name: p.name }, async ({ page }) => {
        await page.goto(p.path.replace(':id', customerId));
        await visible(page.getByRole('heading', { level: 1, ...(p.title ? { name: msg(p.title) } : {}) }));
        await page.waitForLoadState('networkidle');
        // Panels that load after the page (the customer's purchase profile) may still be busy at network idle.
        await expect.poll(() => page.locator('main [aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
        for (const chart of await page.locator('main [role="img"]').all())
          await expect.poll(() => paintedShare(chart), { timeout: 10_000 }).toBeGreaterThan(0.002);
        await screenshot(page, p.name);
        expect(await unnamedControls(page), 'inputs and buttons without a name').toEqual([]);
        expect(await unlabelledGraphics(page), 'charts and images without a text alternative').toEqual([]);
        expect(await lowContrastText(page), 'text below WCAG AA contrast').toEqual([]);
      });
    },
  );

  it('reaches every navigation link with the keyboard, in order, and follows one with Enter', async () => {
    const cookie = await dash.session('admin');
    await withPage(browser, { baseURL: dash.url, cookie, name: 'keyboard' }, async ({ page }) => {
      await page.goto('/');
      const links = await navLinks(page);
      expect(links).toHaveLength(PAGES.length - 1);
      const stops = await tabStops(page, links.length + 2);
      const reached = stops.filter((s) => s.tag === 'a').map((s) => s.text);
      expect(reached.slice(0, links.length)).toEqual(links);

      const runsLink = page
        .getByRole('navigation', { name: 'main' })
        .getByRole('link', { name: msg('nav.runs') });
      await runsLink.focus();
      await page.keyboard.press('Enter');
      await visible(page.getByRole('heading', { level: 1, name: msg('nav.runs') }));
      expect(await runsLink.getAttribute('aria-current')).toBe('page');
    });
  });
});

describe('a database without tiering runs', () => {
  it('says what to do instead of showing empty charts', async () => {
    const cookie = await empty.session('admin');
    await withPage(browser, { baseURL: empty.url, cookie, name: 'empty' }, async ({ page }) => {
      await page.goto('/');
      await visible(page.getByText(msg('empty.noRuns'), { exact: true }));
      expect(await page.locator('main [role="img"]').count()).toBe(0);
      await screenshot(page, 'overview-empty');
    });
  });
});
