// The functions passed to page.evaluate run in the browser: they need the DOM's types. (`npm run build` compiles
// src/ without test/, so this cannot let DOM globals slip into the server code.)
/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';

/**
 * Form controls and buttons without an accessible name (aria-label, aria-labelledby, a <label>, title, or a
 * button's own text), as short HTML snippets.
 */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const named = (el: Element) => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if (el.getAttribute('title')?.trim()) return true;
      const labels = (el as HTMLInputElement).labels;
      if (labels && [...labels].some((l) => l.textContent?.trim())) return true;
      if (el.tagName === 'BUTTON' && el.textContent?.trim()) return true;
      return false;
    };
    return [
      ...document.querySelectorAll(
        'input:not([type=hidden]), select, textarea, button, [role=combobox], [role=switch]',
      ),
    ]
      .filter((el) => visible(el) && !named(el))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/** Canvases, SVG charts and images without a text alternative (an aria-label on them or on a role=img box). */
export function unlabelledGraphics(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('canvas, svg, img')) {
      if (el.closest('[aria-hidden=true]')) continue;
      if (el.tagName === 'IMG' && (el as HTMLImageElement).alt !== undefined && el.hasAttribute('alt'))
        continue;
      const box = el.closest('[aria-label], [aria-labelledby]');
      const role = box?.getAttribute('role');
      if (box && (role === 'img' || role === 'figure' || box === el)) continue;
      // Icons inside a named control are named by the control.
      if (el.tagName === 'svg' && el.closest('button, a')?.textContent?.trim()) continue;
      out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/** Presses Tab `presses` times from the top of the page and returns the focused elements' tag, text and href. */
export async function tabStops(
  page: Page,
  presses: number,
): Promise<{ tag: string; text: string; href: string | null }[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: { tag: string; text: string; href: string | null }[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return {
          tag: el?.tagName.toLowerCase() ?? '',
          text: (el?.textContent ?? '').trim().slice(0, 60),
          href: el?.getAttribute('href') ?? null,
        };
      }),
    );
  }
  return stops;
}

/**
 * Visible text whose colour contrasts with its background below WCAG AA (4.5:1, or 3:1 for large text). The
 * background is the first opaque one among the ancestors (white at the root); text over images is skipped.
 */
export function lowContrastText(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(() => {
    const rgba = (c: string): [number, number, number, number] | null => {
      const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
      if (!m?.[1]) return null;
      const parts = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      const [r = 0, g = 0, b = 0, a = 1] = parts;
      return [r, g, b, a];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
    };
    const background = (el: Element | null): number[] | null => {
      const layers: [number, number, number, number][] = [];
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.backgroundImage !== 'none') return null;
        const c = rgba(s.backgroundColor);
        if (!c) return null;
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let out = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse())
        out = [r * a + out[0]! * (1 - a), g * a + out[1]! * (1 - a), b * a + out[2]! * (1 - a)];
      return out;
    };
    const bad: { text: string; ratio: number }[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('[aria-hidden=true], script, style, noscript')) continue;
      if (el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || Number(s.opacity) === 0) continue;
      if (el.closest('button:disabled, input:disabled, [aria-disabled=true]')) continue;
      const fg = rgba(s.color);
      const bg = background(el);
      if (!fg || !bg) continue;
      const blended = [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3]));
      const [hi, lo] = [lum(blended), lum(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        bad.push({ text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
    }
    return bad;
  });
}

/** The share of a chart's canvas pixels that are painted: ECharts drew something, not an empty box. */
export function paintedShare(chart: Locator): Promise<number> {
  return chart.evaluate((box) => {
    const canvas = box.querySelector('canvas');
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted / (canvas.width * canvas.height);
  });
}
