import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, withPage } from '../support/browser.js';
import { lowContrastText, tabStops, unlabelledGraphics, unnamedControls } from './support/a11y.js';
import { DEMO_PASSWORD } from './support/dashboard-server.js';
import { location, msg, visible } from './support/ui.js';
import { dashboardSession } from './support/dashboard-session.js';

const session = dashboardSession();

/** Signed out, the app's question "who am I?" is answered 401: by design, not an error of the page. */
const WHO_AM_I = /\/api\/v1\/auth\/me$/;

async function signIn(page: Page, username: string, password: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  await page.getByLabel(msg('login.username', {}, lang), { exact: true }).fill(username);
  await page.getByLabel(msg('login.password', {}, lang), { exact: true }).fill(password);
  await page.getByRole('button', { name: msg('login.submit', {}, lang), exact: true }).click();
}

describe('signing in', () => {
  it('shows the error on a wrong password and lands on the overview with the right one', async () => {
    await withPage(session.browser, { baseURL: session.dash.url, name: 'login' }, async ({ page, watch }) => {
      watch.expectFailedRequest(WHO_AM_I, 401);
      watch.expectFailedRequest(/\/api\/v1\/auth\/login$/, 401);
      await page.goto('/');
      await visible(page.getByRole('heading', { name: msg('login.title') }));
      await screenshot(page, 'login');

      await signIn(page, session.dash.users.analyst.username, 'not the password');
      await visible(page.getByRole('alert'));
      expect(await page.getByRole('alert').textContent()).toBe(msg('login.failed'));
      await screenshot(page, 'login-failed');

      await signIn(page, session.dash.users.analyst.username, DEMO_PASSWORD);
      const nav = page.getByRole('navigation', { name: 'main' });
      const overview = await visible(nav.getByRole('link', { name: msg('nav.overview'), exact: true }));
      expect(await overview.getAttribute('aria-current')).toBe('page');
      expect(location(page).path).toBe('/');
      await visible(page.getByRole('heading', { level: 1, name: msg('nav.overview') }));
      expect(await page.getByRole('alert').count()).toBe(0);
    });
  });

  it('labels every input, reads well and works from the keyboard', async () => {
    await withPage(
      session.browser,
      { baseURL: session.dash.url, name: 'login-a11y' },
      async ({ page, watch }) => {
        watch.expectFailedRequest(WHO_AM_I, 401);
        await page.goto('/');
        await visible(page.getByLabel(msg('login.username')));
        expect(await unnamedControls(page)).toEqual([]);
        expect(await unlabelledGraphics(page)).toEqual([]);
        expect(await lowContrastText(page)).toEqual([]);
        const stops = await tabStops(page, 3);
        expect(stops.map((s) => s.tag)).toEqual(['input', 'input', 'button']);
        // Enter in the password field submits the form.
        await page.getByLabel(msg('login.username')).fill(session.dash.users.viewer.username);
        await page.getByLabel(msg('login.password')).fill(DEMO_PASSWORD);
        await page.getByLabel(msg('login.password')).press('Enter');
        await visible(page.getByRole('navigation', { name: 'main' }));
      },
    );
  });

  it('switches the sign-in page and the dashboard to English and keeps the choice', async () => {
    await withPage(
      session.browser,
      { baseURL: session.dash.url, name: 'language' },
      async ({ page, watch }) => {
        watch.expectFailedRequest(WHO_AM_I, 401);
        await page.goto('/');
        await page.getByRole('button', { name: msg('lang.switch') }).click();
        await visible(page.getByRole('heading', { name: msg('login.title', {}, 'en') }));
        expect(await page.locator('html').getAttribute('lang')).toBe('en');

        await signIn(page, session.dash.users.admin.username, DEMO_PASSWORD, 'en');
        const nav = page.getByRole('navigation', { name: 'main' });
        await visible(nav.getByRole('link', { name: msg('nav.overview', {}, 'en'), exact: true }));
        await visible(page.getByRole('heading', { level: 1, name: msg('nav.overview', {}, 'en') }));
        expect(
          await nav.getByRole('link', { name: msg('nav.customers', {}, 'en'), exact: true }).count(),
        ).toBe(1);
        await page.waitForLoadState('networkidle');
        await screenshot(page, 'overview-en');

        await page.reload();
        await visible(nav.getByRole('link', { name: msg('nav.overview', {}, 'en'), exact: true }));
        await page.getByRole('button', { name: msg('lang.switch', {}, 'en') }).click();
        await visible(nav.getByRole('link', { name: msg('nav.overview'), exact: true }));
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      },
    );
  });

  it('signs out back to the sign-in page, and the session is gone', async () => {
    const cookie = await session.dash.session('viewer');
    await withPage(
      session.browser,
      { baseURL: session.dash.url, cookie, name: 'logout' },
      async ({ page, watch }) => {
        watch.expectFailedRequest(WHO_AM_I, 401);
        await page.goto('/');
        await page.getByRole('button', { name: msg('user.logout') }).click();
        await visible(page.getByRole('heading', { name: msg('login.title') }));
        await page.reload();
        await visible(page.getByRole('heading', { name: msg('login.title') }));
      },
    );
  });
});
