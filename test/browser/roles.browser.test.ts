import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/tiering/build-report.js';
import { sql } from '../../src/sql/query.js';
import { ensureDashboardBuilt, launchChromium, screenshot, withPage } from '../support/browser.js';
import { dashboardServer, type DashboardServer } from './support/dashboard-server.js';
import { field, msg, navLinks, visible } from './support/ui.js';

let browser: Browser;
let dash: DashboardServer;
let runId: string;

beforeAll(async () => {
  await ensureDashboardBuilt();
  [browser, dash] = await Promise.all([launchChromium(), dashboardServer()]);
  runId = (await buildReport(dash.engine)).runId;
});
afterAll(async () => {
  await browser?.close();
  await dash?.close();
});

/** Customer ids of the latest run whose owner matches (`rep_id` or `team`), or does not. */
async function customersOwned(by: 'rep_id' | 'team', value: string, owned = true): Promise<string[]> {
  const rows = await dash.engine.all(
    sql(
      `SELECT s.customer_id FROM tier_snapshots s JOIN customer_owners_clean o ON o.customer_id = s.customer_id
       WHERE s.run_id = $1 AND (o.${by} = $2) = $3 ORDER BY s.customer_id`,
      [runId, value, owned],
    ),
  );
  return rows.map((r) => String(r.customer_id));
}

/** The customer ids in the table once it has rows. */
async function shownIds(page: Page): Promise<string[]> {
  await visible(page.locator('table.customer-table tbody tr'));
  await page.waitForLoadState('networkidle');
  return page.locator('table.customer-table tbody tr th .muted').allTextContents();
}

/** Customer ids anywhere in the page's text. */
const idsInText = async (page: Page) => (await page.locator('body').innerText()).match(/\bC\d{6}\b/g) ?? [];

describe('what each role sees', () => {
  it('shows a rep their own customers only, no configuration, and another rep’s customer as not found', async () => {
    const rep = dash.users.rep;
    const own = new Set(await customersOwned('rep_id', rep.repId!));
    const [other] = await customersOwned('rep_id', rep.repId!, false);
    expect(own.size).toBeGreaterThan(0);
    const cookie = await dash.session('rep');
    await withPage(browser, { baseURL: dash.url, cookie, name: 'rep' }, async ({ page, watch }) => {
      await page.goto('/');
      const links = await navLinks(page);
      expect(links).toContain(msg('nav.customers'));
      expect(links).not.toContain(msg('nav.config'));

      await page.goto('/customers');
      const ids = await shownIds(page);
      expect(ids.length).toBe(Math.min(50, own.size));
      for (const id of ids) expect(own.has(id), `${id} is not the rep's`).toBe(true);
      await visible(page.getByText(msg('customers.scopeRep'), { exact: false }));
      // A rep has no owner or team to filter by.
      expect(await field(page, msg('customers.owner')).count()).toBe(0);
      expect(await field(page, msg('customers.team')).count()).toBe(0);
      await screenshot(page, 'rep-customers');

      watch.expectFailedRequest(new RegExp(`/api/v1/customers/${other}$`), 404);
      await page.goto(`/customers/${other}`);
      await visible(page.getByText(msg('common.notFound'), { exact: true }));
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
      await screenshot(page, 'rep-not-found');

      const [mine] = [...own];
      await page.goto(`/customers/${mine}`);
      await visible(page.getByRole('heading', { level: 1 }));
      await visible(page.getByText(mine!, { exact: true }));

      await page.goto('/config');
      await visible(page.getByText(msg('config.forbidden'), { exact: true }));
    });
  });

  it('shows a manager the customers of their team only', async () => {
    const team = new Set(await customersOwned('team', dash.users.manager.team!));
    const cookie = await dash.session('manager');
    await withPage(browser, { baseURL: dash.url, cookie, name: 'manager' }, async ({ page }) => {
      await page.goto('/customers');
      const ids = await shownIds(page);
      expect(ids.length).toBe(Math.min(50, team.size));
      for (const id of ids) expect(team.has(id), `${id} is not in the team`).toBe(true);
      expect(await navLinks(page)).toContain(msg('nav.config'));
    });
  });

  it('shows a viewer aggregates only: no customer rows on any page', async () => {
    const [someone] = await customersOwned('rep_id', dash.users.rep.repId!);
    const cookie = await dash.session('viewer');
    await withPage(browser, { baseURL: dash.url, cookie, name: 'viewer' }, async ({ page }) => {
      await page.goto('/');
      const links = await navLinks(page);
      expect(links).toContain(msg('nav.overview'));
      expect(links).not.toContain(msg('nav.customers'));
      expect(links).not.toContain(msg('nav.config'));
      await visible(page.locator('section[aria-labelledby="overview-shares"] tbody tr'));
      expect(await idsInText(page)).toEqual([]);

      for (const path of ['/customers', `/customers/${someone}`]) {
        await page.goto(path);
        await visible(page.getByText(msg('customers.aggregatesOnly'), { exact: true }));
        expect(await page.locator('table tbody tr').count()).toBe(0);
        expect(await idsInText(page)).toEqual([]);
      }
      await screenshot(page, 'viewer-customers');

      await page.goto('/migration');
      await visible(page.getByRole('heading', { level: 1, name: msg('nav.migration') }));
      await page.waitForLoadState('networkidle');
      expect(await idsInText(page)).toEqual([]);
    });
  });
});
