import { describe, expect, it } from 'vitest';
import type { ExperimentResultSummary } from '../../src/contracts/experiments/experiment-result.js';
import { addDays } from '../../src/contracts/time/iso-date.js';
import { screenshot, withPage } from '../support/browser.js';
import { lowContrastText, paintedShare, unnamedControls } from './support/a11y.js';
import { field, msg, msgPattern, navLinks, parseShown, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

const NAME = 'Rebate +1 % pilot';

describe('the experiments page', () => {
  it('lets an analyst create, assign and read an experiment, and a manager only read it', async () => {
    const analyst = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie: analyst, name: 'experiments' },
      async ({ page, watch }) => {
        await page.goto('/');
        expect(await navLinks(page)).toContain(msg('nav.experiments'));
        // The demo's runs are weekly: starting the day after the run two weeks before the latest, the assignment
        // takes that run's population and the latest run's date ends a two-week post-period.
        const runs = (await (await page.request.get('/api/v1/runs?limit=10')).json()) as {
          items: { asOf: string }[];
        };
        const latest = runs.items[0]!.asOf;
        expect(runs.items.map((r) => r.asOf)).toContain(addDays(latest, -14));
        const start = addDays(latest, -13);

        await page.goto('/experiments');
        await visible(page.getByRole('heading', { level: 1, name: msg('nav.experiments') }));
        await visible(page.getByText(msg('experiments.noneManage')));
        const form = page.getByRole('region', { name: msg('experiments.createTitle') });
        await field(form, msg('experiments.form.name')).fill(NAME);
        await field(form, msg('experiments.form.start')).fill(start);
        const treatment = form.getByRole('group', {
          name: msg('experiments.form.treatment', { n: 1 }),
          exact: true,
        });
        await field(treatment, msg('experiments.form.variantName')).fill('rebate+1%');
        await field(treatment, msg('experiments.form.extraRebatePct')).fill('1');

        // A pre-period shorter than the spec allows: the server's answer names the field.
        watch.expectFailedRequest(/\/api\/v1\/experiments$/, 400);
        await field(form, msg('experiments.form.preDays')).fill('7');
        await form.getByRole('button', { name: msg('experiments.form.create') }).click();
        const alert = await visible(form.getByRole('alert'));
        expect(await alert.textContent()).toContain(
          msg('experiments.form.invalid', { field: msg('experiments.form.preDays') }),
        );
        await field(form, msg('experiments.form.preDays')).fill('90');
        await form.getByRole('button', { name: msg('experiments.form.create') }).click();

        const row = page.locator('table.experiments tbody tr').filter({ hasText: NAME });
        await visible(row.getByText(msg('experiments.notAssigned')));
        await row.getByRole('button', { name: msg('experiments.assignNamed', { name: NAME }) }).click();
        const dialog = await visible(page.getByRole('dialog'));
        expect(await dialog.textContent()).toContain(msg('experiments.assignBody', { start }));
        await dialog.getByRole('button', { name: msg('experiments.assign'), exact: true }).click();
        await visible(row.getByText(msgPattern('experiments.assignedOn')));

        const { items } = (await (await page.request.get('/api/v1/experiments')).json()) as {
          items: { experimentId: string; name: string }[];
        };
        const id = items.find((e) => e.name === NAME)!.experimentId;
        const result = (await (
          await page.request.get(`/api/v1/experiments/${id}/results?asOf=${latest}`)
        ).json()) as ExperimentResultSummary;
        expect(result.end).toBe(latest);
        const [comparison] = result.comparisons;

        const results = page.getByRole('region', { name: msg('experiments.resultsTitle', { name: NAME }) });
        await field(results, msg('experiments.asOf')).fill(latest);
        await visible(results.getByText(new RegExp(`${result.start}.*${latest}`)));
        const table = results.getByRole('table', {
          name: msg('experiments.effectsCaption', { variant: 'rebate+1%', control: 'control' }),
        });
        await visible(table);
        expect(await table.locator('tbody tr').count()).toBe(comparison!.effects.length);
        const gmv = comparison!.effects.find((e) => e.metric === 'gmv')!;
        const gmvRow = table.locator('tbody tr').filter({ hasText: msg('experiments.metric.gmv') });
        expect(parseShown((await gmvRow.locator('td').nth(1).textContent()) ?? '')).toBeCloseTo(
          gmv.treatment,
          2,
        );
        await visible(
          results.getByText(msg(result.srm.mismatch ? 'experiments.srm.mismatch' : 'experiments.srm.ok')),
        );
        const chart = results.locator('[role="img"]');
        await expect.poll(() => paintedShare(chart.first()), { timeout: 10_000 }).toBeGreaterThan(0.002);
        await screenshot(page, 'experiments');
        expect(await unnamedControls(page), 'inputs and buttons without a name').toEqual([]);
        expect(await lowContrastText(page), 'text below WCAG AA contrast').toEqual([]);
      },
    );

    const manager = await session.dash.session('manager');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie: manager, name: 'experiments-manager' },
      async ({ page }) => {
        await page.goto('/experiments');
        await visible(page.locator('table.experiments tbody tr').filter({ hasText: NAME }));
        expect(await page.getByRole('heading', { name: msg('experiments.createTitle') }).count()).toBe(0);
        expect(await page.getByRole('button', { name: msg('experiments.assign') }).count()).toBe(0);
        await visible(page.getByRole('region', { name: msg('experiments.resultsTitle', { name: NAME }) }));

        // The tier edge over the demo's six weeks of runs, with the caveats as the API states them.
        const edge = page.getByRole('region', { name: msg('experiments.edge.title') });
        await field(edge, msg('experiments.edge.days')).fill('14');
        await edge.getByRole('button', { name: msg('experiments.edge.estimate') }).click();
        const boundary = (await (
          await page.request.get('/api/v1/experiments/boundary?tier=gold&metric=gmv&days=14')
        ).json()) as { caveats: string[] };
        await visible(edge.getByText(msg('experiments.edge.jump')));
        expect(await edge.locator('ul.caveats li').allTextContents()).toEqual(boundary.caveats);
        await screenshot(page, 'experiments-manager');
      },
    );
  });
});
