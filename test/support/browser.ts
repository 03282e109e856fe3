import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_DIST = join(ROOT, 'dist', 'web');
/** Where the screenshots go (gitignored). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'browser');
/** What the dashboard is built from: newer than dist/web/index.html means rebuild. */
const WEB_SOURCES = [join(ROOT, 'web'), join(ROOT, 'src', 'contracts')];
const LOCK = join(ROOT, 'dist', '.web-build.lock');

async function newestMtime(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

async function builtIsFresh(): Promise<boolean> {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = (await stat(index)).mtimeMs;
  for (const source of WEB_SOURCES) if ((await newestMtime(source)) > built) return false;
  return true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `make` once across the test files running in parallel processes: under a lock directory, and only if
 * `done()` is still false once the lock is held (another process may just have made it).
 */
export async function onceAcrossFiles(
  lock: string,
  done: () => Promise<boolean>,
  make: () => Promise<void>,
): Promise<void> {
  if (await done()) return;
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another process is making it; a lock older than the deadline was left by a killed run.
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 300_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      await sleep(250);
    }
  }
  try {
    if (!(await done())) await make();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the dashboard into dist/web (what `stratum serve` serves) when it is missing or older than its sources.
 * The build goes to a directory beside it that then replaces dist/web, so that a server of another test file never
 * sees half a build.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  await onceAcrossFiles(LOCK, builtIsFresh, async () => {
    const next = join(ROOT, 'dist', `.web-next-${process.pid}`);
    const old = join(ROOT, 'dist', `.web-old-${process.pid}`);
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const args = [
      vite,
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      next,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ];
    await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    if (existsSync(WEB_DIST)) await rename(WEB_DIST, old);
    await rename(next, WEB_DIST);
    await rm(old, { recursive: true, force: true });
  });
}

/** Headless Chromium from the system, or a clear failure saying how to get it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install chromium\` (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** Console errors and uncaught page errors of one page; a test fails on any it did not expect. */
export interface PageWatch {
  readonly problems: readonly string[];
  /**
   * A request the test expects to fail (Chromium logs "Failed to load resource … status of 404" as a console
   * error): a URL matching `url` answered with `status`.
   */
  expectFailedRequest(url: RegExp, status: number): void;
}

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const expected: { url: RegExp; status: number }[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(text)?.[1];
    if (
      text.startsWith('Failed to load resource') &&
      expected.some((e) => e.url.test(url) && String(e.status) === status)
    )
      return;
    problems.push(`console error: ${text}${url ? ` (${url})` : ''}`);
  });
  return {
    problems,
    expectFailedRequest(url, status) {
      expected.push({ url, status });
    },
  };
}

/** A full-page screenshot at test-results/browser/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const LAPTOP = { width: 1366, height: 860 };
export const TABLET = { width: 820, height: 1180 };

export interface PageOptions {
  readonly baseURL: string;
  /** Session cookie to start signed in; none = signed out. */
  readonly cookie?: { name: string; value: string };
  /** The UI language stored in the browser before the first page load (default: none, so zh-CN). */
  readonly lang?: 'en' | 'zh-CN';
  readonly viewport?: { width: number; height: number };
  /** Screenshot name for a failure (test-results/browser/failed-NAME.png). */
  readonly name: string;
}

export interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly watch: PageWatch;
}

/**
 * Runs `work` on a fresh page (own cookies and storage), then fails if the page logged an unexpected console error
 * or threw; on any failure a screenshot is saved first.
 */
export async function withPage<T>(
  browser: Browser,
  options: PageOptions,
  work: (open: OpenPage) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? LAPTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  if (options.cookie)
    await context.addCookies([
      { ...options.cookie, url: options.baseURL, httpOnly: true, sameSite: 'Strict' },
    ]);
  if (options.lang) {
    const lang = options.lang;
    await context.addInitScript((l) => {
      if (!sessionStorage.getItem('test.langSet')) {
        localStorage.setItem('stratum.lang', l);
        sessionStorage.setItem('test.langSet', '1');
      }
    }, lang);
  }
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    const result = await work({ page, context, watch });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    if (watch.problems.length > 0)
      throw new Error(`the page logged errors:\n${watch.problems.map((p) => `  ${p}`).join('\n')}`);
    // A passing test leaves no failure screenshot of an earlier run behind.
    await rm(join(SCREENSHOTS, `failed-${options.name}.png`), { force: true });
    return result;
  } catch (error) {
    await screenshot(page, `failed-${options.name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
