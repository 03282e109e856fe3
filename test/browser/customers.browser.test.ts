import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { processBatch } from '../../src/app/stream/process-batch.js';
import { latestRunId, loadRunReference } from '../../src/app/stream/run-reference.js';
import { buildReport } from '../../src/app/tiering/build-report.js';
import { parseEvent } from '../../src/contracts/events/parse.js';
import type { Tier } from '../../src/contracts/tiering/tiers.js';
import { screenshot, withPage } from '../support/browser.js';
import { TEST_TZ } from '../support/engines.js';
import { paintedShare } from './support/a11y.js';
import { field, location, msg, tagName, tierName, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

const PAGE_SIZE = 50;

/** The customer table's rows: id (under the name), name and tier as shown. */
async function tableRows(page: Page): Promise<{ id: string; name: string; tier: string }[]> {
  return page.locator('table.customer-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.querySelector('th .muted')?.textContent?.trim() ?? '',
      name: tr.querySelector('th a')?.textContent?.trim() ?? '',
      tier: tr.querySelector('.tier-badge')?.textContent?.trim() ?? '',
    })),
  );
}

/** Waits until the table shows rows satisfying `ok` (the page asks the server again after each change). */
async function rowsWhen(page: Page, ok: (rows: { id: string; name: string; tier: string }[]) => boolean) {
  let last: { id: string; name: string; tier: string }[] = [];
  await expect
    .poll(
      async () => {
        last = await tableRows(page);
        return last.length > 0 && ok(last);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return last;
}

describe('the customer table', () => {
  it('filters by tier and by search, changing the rows and the URL, and clears back', async () => {
    const report = await buildReport(session.dash.engine);
    const gold = report.tiers.find((t) => t.tier === 'gold')?.customers ?? 0;
    expect(gold).toBeGreaterThan(0);
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'customers' },
      async ({ page }) => {
        await page.goto('/customers');
        const all = await rowsWhen(page, (rows) => rows.length === Math.min(PAGE_SIZE, report.customers));
        expect(new Set(all.map((r) => r.tier)).size).toBeGreaterThan(1);
        await screenshot(page, 'customers');

        await field(page, msg('customers.tier')).selectOption('gold');
        await expect.poll(() => location(page).params.tier).toBe('gold');
        const golds = await rowsWhen(page, (rows) => rows.every((r) => r.tier === tierName('gold')));
        expect(golds).toHaveLength(Math.min(PAGE_SIZE, gold));
        expect(golds.map((r) => r.id)).not.toEqual(all.map((r) => r.id));

        // Search within the gold customers for one of them by name.
        const wanted = golds[Math.min(3, golds.length - 1)]!;
        await field(page, msg('customers.search')).fill(wanted.name);
        await expect.poll(() => location(page).params.q).toBe(wanted.name);
        expect(location(page).params.tier).toBe('gold');
        const found = await rowsWhen(page, (rows) => rows.length < golds.length);
        expect(found.map((r) => r.id)).toContain(wanted.id);
        for (const r of found) {
          expect(r.tier).toBe(tierName('gold'));
          expect(r.name.toLowerCase()).toContain(wanted.name.toLowerCase());
        }
        await screenshot(page, 'customers-filtered');

        // A reload keeps the view: filters live in the URL.
        await page.reload();
        await rowsWhen(page, (rows) => rows.length === found.length);
        expect(await field(page, msg('customers.search')).inputValue()).toBe(wanted.name);

        await page
          .getByRole('button', { name: msg('customers.clearFilters') })
          .first()
          .click();
        await expect.poll(() => location(page).params).toEqual({});
        await rowsWhen(page, (rows) => rows.length === all.length && rows[0]?.id === all[0]?.id);
      },
    );
  });

  it('opens a customer page with the explanation of the score and the tier history', async () => {
    const cookie = await session.dash.session('admin');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'customer' },
      async ({ page }) => {
        await page.goto('/customers');
        const [first] = await rowsWhen(page, (rows) => rows.length > 0);
        await page.locator('table.customer-table tbody tr').first().locator('th a').click();
        await expect.poll(() => location(page).path).toBe(`/customers/${first!.id}`);
        await visible(page.getByRole('heading', { level: 1, name: first!.name }));

        const why = page.getByRole('region', { name: msg('customer.why') });
        const whyChart = await visible(why.locator('[role="img"]'));
        expect((await whyChart.first().getAttribute('aria-label'))?.trim()).toBeTruthy();
        await expect.poll(() => paintedShare(whyChart.first())).toBeGreaterThan(0.01);

        const history = page.getByRole('region', { name: msg('customer.history.title') });
        const historyChart = await visible(history.locator('[role="img"]'));
        await expect.poll(() => paintedShare(historyChart.first())).toBeGreaterThan(0.005);
        // One history entry per run (six weekly runs), as a table behind the chart.
        await history.locator('summary').click();
        await expect.poll(() => history.locator('tbody tr').count()).toBe(6);

        const series = page.getByRole('region', { name: msg('customer.series.title') });
        const seriesChart = await visible(series.locator('[role="img"]'));
        expect((await seriesChart.first().getAttribute('aria-label'))?.trim()).toBeTruthy();
        await expect.poll(() => paintedShare(seriesChart.first())).toBeGreaterThan(0.005);

        await visible(page.getByRole('region', { name: msg('customer.policy.title') }));
        await page.waitForLoadState('networkidle');
        await screenshot(page, 'customer');
      },
    );
  });

  it('shows the tier the event stream decided after the run, and the change in the tier history', async () => {
    const runId = (await latestRunId(session.dash.engine))!;
    const [calm] = await session.dash.engine.read({
      sql: `SELECT customer_id FROM tier_snapshots WHERE run_id = $1 AND tier IN ('gold', 'silver')
              AND len(tags) = 0 ORDER BY customer_id LIMIT 1`,
      params: [runId],
    });
    const customerId = String(calm!.customer_id);
    // An open dispute makes the customer high-risk at once, without waiting for the next run.
    const now = new Date();
    const opened = parseEvent({
      id: 'dispute-browser-1',
      type: 'dispute.opened',
      occurredAt: new Date(now.getTime() - 60_000).toISOString(),
      customerId,
      data: { disputeId: 'D-BROWSER-1', amount: 5000 },
    });
    if (!opened.ok) throw new Error(opened.reason);
    const reference = await loadRunReference(session.dash.engine, runId);
    const outcome = await processBatch(session.dash.engine, reference, [opened.event], now, TEST_TZ);
    expect(outcome.decisions).toEqual([expect.objectContaining({ customerId, changed: true })]);
    const [decided] = await session.dash.engine.read({
      sql: 'SELECT tier FROM stream_decisions WHERE customer_id = $1',
      params: [customerId],
    });
    const tier = decided!.tier as Tier;
    // withPage's browser shows times in Asia/Shanghai; sv-SE writes them as the dashboard does (2026-11-22 09:03).
    const at = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(now);
    const cause = { at, event: 'dispute-browser-1' };

    const cookie = await session.dash.session('admin');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'customer-live' },
      async ({ page }) => {
        await page.goto(`/customers/${encodeURIComponent(customerId)}`);
        const live = await visible(page.getByRole('note').filter({ hasText: msg('customer.live.label') }));
        await visible(live.getByText(msg('customer.live.since', cause)));
        expect(await live.locator('.tier-badge').textContent()).toBe(tierName(tier));
        expect(await live.locator('.tag-chip').allTextContents()).toEqual([tagName('high_risk')]);

        const history = page.getByRole('region', { name: msg('customer.history.title') });
        // The six runs and, newest, the stream's change.
        await history.locator('summary').click();
        const rows = history.locator('tbody tr');
        await expect.poll(() => rows.count()).toBe(7);
        const streamRow = rows.first();
        await visible(streamRow.getByText(msg('customer.live.label'), { exact: true }));
        await visible(streamRow.getByText(msg('customer.history.streamCause', cause)));
        expect(await streamRow.locator('.tag-chip').allTextContents()).toEqual([tagName('high_risk')]);
        expect(await rows.filter({ hasText: msg('customer.live.label') }).count()).toBe(1);
        await screenshot(page, 'customer-live');
      },
    );
  });
});
