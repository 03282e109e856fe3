import type { Locator, Page } from 'playwright-core';
import { TAG_NAMES, TIER_NAMES, type TagName, type Tier } from '../../../src/contracts/tiering/tiers.js';
import { MESSAGES, type Language } from '../../../web/src/i18n/messages.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A UI string as the dashboard shows it (web/src/i18n/messages.ts), so that the tests follow the wording; a
 * missing key fails with its name (looked up by string: the pages' keys arrive with the pages).
 */
export function msg(
  key: string,
  vars: Record<string, string | number> = {},
  lang: Language = 'zh-CN',
): string {
  const text = (MESSAGES[lang] as Readonly<Record<string, string>>)[key];
  if (text === undefined) throw new Error(`no UI string "${key}" in ${lang} (web/src/i18n/messages.ts)`);
  return Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), text);
}

/** A UI string with its {placeholders} as capturing groups, to find a message whatever its values. */
export function msgPattern(key: string, lang: Language = 'zh-CN'): RegExp {
  const parts = msg(key, {}, lang).split(/\{\w+\}/);
  return new RegExp(parts.map(escapeRegExp).join('(.+?)'));
}

export const tierName = (tier: Tier, lang: Language = 'zh-CN'): string =>
  lang === 'en' ? TIER_NAMES[tier].en : TIER_NAMES[tier].zh;
export const tagName = (tag: TagName, lang: Language = 'zh-CN'): string =>
  lang === 'en' ? TAG_NAMES[tag].en : TAG_NAMES[tag].zh;

/** Waits (up to the context's default timeout) until the first element of the locator is visible. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/**
 * The input, select or textarea inside the <label> whose text starts with `text` (a label's text also holds its
 * select's options, so `getByLabel` with an exact name does not find selects).
 */
export function field(scope: Page | Locator, text: string): Locator {
  return scope
    .locator('label')
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}`) })
    .locator('input, select, textarea')
    .first();
}

/** A number as the dashboard prints it (1,234 / ¥1,234.50 / 12.5%) back to a number; null for "—". */
export function parseShown(text: string): number | null {
  const m = /-?[\d,]+(\.\d+)?/.exec(text.replace(/\s/g, ''));
  return m ? Number(m[0].replaceAll(',', '')) : null;
}

/** The main navigation's link names, in order. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'main' });
  await visible(nav.getByRole('link'));
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

/** The path and the query parameters of the page's URL. */
export function location(page: Page): { path: string; params: Record<string, string> } {
  const url = new URL(page.url());
  return { path: decodeURIComponent(url.pathname), params: Object.fromEntries(url.searchParams) };
}
