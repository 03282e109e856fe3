import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/tiering/build-report.js';
import { screenshot, withPage } from '../support/browser.js';
import { field, msg, msgPattern, parseShown, tierName, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

const QUOTAS = /quotas:\s*\{[^}]*\}/;

/** A from × to matrix as shown: row name → column name → customers, and the grand total. */
async function readMatrix(table: Locator) {
  const { head, rows, foot } = await table.evaluate((t) => {
    const cells = (tr: Element | null) => [...(tr?.children ?? [])].map((c) => c.textContent?.trim() ?? '');
    return {
      head: cells(t.querySelector('thead tr')),
      rows: [...t.querySelectorAll('tbody tr')].map(cells),
      foot: cells(t.querySelector('tfoot tr')),
    };
  });
  const columns = head.slice(1, -1);
  const matrix: Record<string, Record<string, number>> = {};
  for (const [from = '', ...values] of rows)
    matrix[from] = Object.fromEntries(columns.map((to, i) => [to, parseShown(values[i] ?? '') ?? NaN]));
  const columnTotals = Object.fromEntries(columns.map((to, i) => [to, parseShown(foot[i + 1] ?? '') ?? NaN]));
  return { matrix, columnTotals, total: parseShown(foot[foot.length - 1] ?? '') };
}

describe('the configuration page', () => {
  it('validates an edited candidate, saves it, and shows the what-if migration matrix against the active one', async () => {
    const report = await buildReport(session.dash.engine);
    const activePlatinum = report.tiers.find((t) => t.tier === 'platinum')?.customers ?? 0;
    const cookie = await session.dash.session('analyst');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'config' },
      async ({ page }) => {
        await page.goto('/config');
        const editor = field(page, msg('config.candidateLabel'));
        await expect.poll(() => editor.inputValue()).toMatch(QUOTAS);
        const activeYaml = await editor.inputValue();

        // Quotas that do not add up to 100: the validation names the key.
        await editor.fill(
          activeYaml.replace(QUOTAS, 'quotas: { platinum: 50, gold: 15, silver: 30, bronze: 50 }'),
        );
        await page.getByRole('button', { name: msg('config.validate'), exact: true }).click();
        const issues = await visible(page.getByRole('alert'));
        expect(await issues.textContent()).toContain('quotas');
        await screenshot(page, 'config-invalid');

        // Twice the platinum quota, from bronze.
        await editor.fill(
          activeYaml.replace(QUOTAS, 'quotas: { platinum: 10, gold: 15, silver: 30, bronze: 45 }'),
        );
        await page.getByRole('button', { name: msg('config.validate'), exact: true }).click();
        await visible(page.getByText(msg('config.valid'), { exact: true }));
        await field(page, msg('config.comment')).fill('browser test: platinum 10 %');
        await page.getByRole('button', { name: msg('config.save'), exact: true }).click();
        const saved = await visible(page.getByText(msgPattern('config.saved')));
        const version = Number(
          msgPattern('config.saved').exec((await saved.first().textContent()) ?? '')?.[1],
        );
        expect(version).toBeGreaterThan(0);

        const whatIf = page.getByRole('region', { name: msg('config.whatIfTitle') });
        await expect
          .poll(() => field(whatIf, msg('config.whatIfVersionLabel')).inputValue())
          .toBe(String(version));
        await whatIf.getByRole('button', { name: msg('config.runWhatIf'), exact: true }).click();
        const table = await visible(whatIf.locator('table.matrix'));
        expect(await table.locator('caption').textContent()).toContain(`v${version}`);
        const { matrix, columnTotals, total } = await readMatrix(table);
        expect(total).toBe(report.customers);
        const platinum = tierName('platinum');
        // Rows are the active configuration's tiers, columns the candidate's: platinum grows, from gold.
        expect(Object.values(matrix[platinum] ?? {}).reduce((a, b) => a + b, 0)).toBe(activePlatinum);
        expect(columnTotals[platinum]).toBeGreaterThan(activePlatinum);
        expect(matrix[tierName('gold')]?.[platinum]).toBeGreaterThan(0);
        await whatIf.scrollIntoViewIfNeeded();
        await screenshot(page, 'config-whatif');
      },
    );
  });

  it('shows a manager the active configuration read-only', async () => {
    const cookie = await session.dash.session('manager');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'config-manager' },
      async ({ page }) => {
        await page.goto('/config');
        await visible(page.getByRole('region', { name: msg('config.activeTitle') }));
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('region', { name: msg('config.candidateTitle') }).count()).toBe(0);
        expect(await page.getByRole('region', { name: msg('config.whatIfTitle') }).count()).toBe(0);
        expect(await page.locator('textarea').count()).toBe(0);
      },
    );
  });
});
