import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AllocationPlan } from '../../src/contracts/allocation/plan.js';
import { formatIsoWeek, isoWeekOfDate } from '../../src/contracts/time/iso-week.js';
import { isoDateIn } from '../../src/contracts/time/zoned-time.js';
import { screenshot, withPage } from '../support/browser.js';
import { paintedShare } from './support/a11y.js';
import { field, msg, msgPattern, navLinks, parseShown, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

/** Allocation jobs, newest first: their status and, once succeeded, their plan. */
async function allocationJobs(): Promise<{ status: string; plan: AllocationPlan | null }[]> {
  const rows = await session.dash.engine.all(
    "SELECT status, result FROM jobs WHERE kind = 'allocation' ORDER BY created_at DESC",
  );
  return rows.map((r) => ({
    status: String(r.status),
    plan: r.result === null ? null : (JSON.parse(String(r.result)) as AllocationPlan),
  }));
}

/** The headline's figures by label. */
async function headline(page: Page): Promise<Record<string, number | null>> {
  const items = await page
    .getByLabel(msg('allocation.headline'))
    .locator('div')
    .evaluateAll((divs) =>
      divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]),
    );
  return Object.fromEntries(items.map(([dt, dd]) => [String(dt).trim(), parseShown(String(dd))]));
}

/** Computes a dry-run plan from the page; returns it once the page shows it. */
async function computePlan(page: Page): Promise<AllocationPlan> {
  await page.goto('/allocation');
  await visible(page.getByRole('heading', { level: 1, name: msg('nav.allocation') }));
  const before = (await allocationJobs()).length;
  const fresh = async () => {
    const jobs = await allocationJobs();
    return jobs.slice(0, jobs.length - before);
  };
  await page.getByRole('button', { name: msg('allocation.compute') }).click();
  await expect
    .poll(async () => (await fresh()).map((j) => j.status), { timeout: 120_000 })
    .toEqual(['succeeded']);
  const plan = (await fresh())[0]!.plan!;
  await visible(page.locator('.allocation-plan').getByText(plan.roundId, { exact: false }));
  return plan;
}

describe('the allocation page', () => {
  it('computes a dry-run plan and shows its headline, the workload chart, the comparison and the moves', async () => {
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'allocation' },
      async ({ page }) => {
        await page.goto('/');
        expect(await navLinks(page)).toContain(msg('nav.allocation'));
        const plan = await computePlan(page);
        expect(plan.applied).toBe(false);
        await expect
          .poll(() => headline(page))
          .toMatchObject({
            [msg('allocation.kpi.assigned')]: plan.assigned,
            [msg('allocation.kpi.unassigned')]: plan.unassigned.length,
            [msg('allocation.kpi.moves')]: plan.moves.length,
          });
        const chart = page.locator('section[aria-labelledby="allocation-workload"] [role="img"]');
        await visible(chart);
        await expect.poll(() => paintedShare(chart), { timeout: 10_000 }).toBeGreaterThan(0.01);
        await visible(page.getByRole('heading', { name: msg('allocation.compareTitle') }));
        await visible(page.getByRole('row', { name: new RegExp(msg('allocation.metric.valueServed')) }));
        await visible(
          page.getByRole('heading', { name: msg('allocation.movesTitle', { count: plan.moves.length }) }),
        );
        // An analyst may not apply.
        expect(await page.getByRole('button', { name: msg('allocation.apply') }).count()).toBe(0);
        await page.waitForLoadState('networkidle');
        await screenshot(page, 'allocation');
      },
    );
  });

  it('lets an admin apply the plan after confirming, and lists the round', async () => {
    const cookie = await session.dash.session('admin');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'allocation-apply' },
      async ({ page }) => {
        await computePlan(page);
        await page.getByRole('button', { name: msg('allocation.apply') }).click();
        const dialog = page.getByRole('dialog', { name: msg('allocation.applyTitle') });
        await visible(dialog);
        await dialog.getByRole('button', { name: msg('allocation.applyConfirm') }).click();
        await page
          .getByText(msgPattern('allocation.applied'))
          .waitFor({ state: 'visible', timeout: 120_000 });
        const [latest] = await allocationJobs();
        const plan = latest!.plan!;
        expect(plan.applied).toBe(true);
        const rounds = page.locator('table.allocation-rounds tbody tr');
        await visible(rounds);
        expect(await rounds.count()).toBe(1);
        await visible(rounds.first().getByText(plan.roundId));
        await screenshot(page, 'allocation-applied');
      },
    );
  });

  it('shows a rep their own week and serves its calendar file', async () => {
    const rep = session.dash.users.rep;
    const week = formatIsoWeek(isoWeekOfDate(isoDateIn('Asia/Shanghai', Date.now())));
    const cookie = await session.dash.session('rep');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'visits' },
      async ({ page }) => {
        await page.goto('/');
        const links = await navLinks(page);
        expect(links).toContain(msg('nav.visits'));
        expect(links).not.toContain(msg('nav.allocation'));
        await page.goto('/visits');
        await visible(page.getByRole('heading', { level: 1, name: msg('nav.visits') }));
        const select = field(page, msg('visits.rep'));
        await expect.poll(() => select.inputValue()).toBe(rep.repId);
        expect(await select.locator('option').count()).toBe(1);
        expect(await field(page, msg('visits.week')).inputValue()).toBe(week);
        await visible(page.getByText(msgPattern('visits.planLine')));
        await expect.poll(() => page.locator('section.visits-day').count()).toBeGreaterThanOrEqual(5);

        const link = page.getByRole('link', { name: msg('visits.downloadIcs') });
        const href = await link.getAttribute('href');
        expect(href).toBe(`/api/v1/reps/${rep.repId}/visits?week=${week}&format=ics`);
        const answer = await page.request.get(href!);
        expect(answer.status()).toBe(200);
        expect(answer.headers()['content-type']).toBe('text/calendar; charset=utf-8');
        expect((await answer.text()).startsWith('BEGIN:VCALENDAR')).toBe(true);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toBe(`visits-${rep.repId}-${week}.ics`);
        await screenshot(page, 'visits');
      },
    );
  });
});
