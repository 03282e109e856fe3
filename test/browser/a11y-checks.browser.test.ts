import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPage } from '../support/browser.js';
import {
  lowContrastText,
  paintedShare,
  tabStops,
  unlabelledGraphics,
  unnamedControls,
} from './support/a11y.js';

// The checks the dashboard tests rely on must catch what they look for: each is run here on a page with the fault.
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

describe('accessibility checks', () => {
  it('find inputs and buttons without a name, and accept every way of naming them', async () => {
    await page.setContent(`
      <label>Name <input id="a"></label>
      <label for="b">City</label><input id="b">
      <input aria-label="Search">
      <span id="t">Tier</span><select aria-labelledby="t"><option>x</option></select>
      <button>Save</button>
      <input id="bad" placeholder="only a placeholder">
      <button><svg></svg></button>
      <input type="hidden">`);
    const found = await unnamedControls(page);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('id="bad"');
    expect(found[1]).toContain('<button>');
  });

  it('find charts and images without a text alternative', async () => {
    await page.setContent(`
      <div role="img" aria-label="Customers per tier"><canvas></canvas></div>
      <img src="data:," alt="">
      <div><canvas id="bare"></canvas></div>
      <img src="data:," id="noalt">`);
    const found = await unlabelledGraphics(page);
    expect(found).toHaveLength(2);
    expect(found.join()).toContain('bare');
    expect(found.join()).toContain('noalt');
  });

  it('find text below the WCAG AA contrast, over the background it actually has', async () => {
    await page.setContent(`
      <p style="color:#222">dark on white</p>
      <p style="color:#bbb">pale on white</p>
      <div style="background:#1d4ed8"><span style="color:#fff">white on blue</span></div>
      <div style="background:#1d4ed8"><span style="color:#2563eb">blue on blue</span></div>
      <h1 style="color:#888;font-size:32px">large grey</h1>`);
    const found = await lowContrastText(page);
    expect(found.map((f) => f.text)).toEqual(['pale on white', 'blue on blue']);
  });

  it('follow the keyboard focus and tell a painted canvas from an empty one', async () => {
    await page.setContent(`
      <nav><a href="/a">A</a><a href="/b">B</a></nav><button>C</button>
      <div id="empty"><canvas width="50" height="50"></canvas></div>
      <div id="drawn"><canvas width="50" height="50"></canvas></div>
      <script>document.querySelector('#drawn canvas').getContext('2d').fillRect(0, 0, 25, 50)</script>`);
    expect((await tabStops(page, 3)).map((s) => s.href ?? s.text)).toEqual(['/a', '/b', 'C']);
    expect(await paintedShare(page.locator('#empty'))).toBe(0);
    expect(await paintedShare(page.locator('#drawn'))).toBeCloseTo(0.5);
  });

  it('report console errors and page errors, except the failed requests a test expects', async () => {
    const p = await browser.newPage();
    const watch = watchPage(p);
    watch.expectFailedRequest(/\/expected$/, 404);
    await p.route('http://stratum.test/**', (route) =>
      route.request().url().endsWith('/')
        ? route.fulfill({
            contentType: 'text/html',
            body: `<script>
              fetch('/expected'); fetch('/unexpected');
              console.error('boom'); setTimeout(() => { throw new Error('thrown') })
            </script>`,
          })
        : route.fulfill({ status: 404, body: '' }),
    );
    await p.goto('http://stratum.test/');
    await expect.poll(() => watch.problems.length).toBe(3);
    const problems = [...watch.problems].sort().join('\n');
    expect(problems).toContain('console error: boom');
    expect(problems).toMatch(/console error: Failed to load resource.*404.*\/unexpected/);
    expect(problems).toMatch(/page error: .*thrown/);
    expect(problems).not.toContain('/expected');
    await p.close();
  });
});
