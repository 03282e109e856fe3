import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureDashboardBuilt, launchChromium } from '../../support/browser.js';
import { dashboardServer, type DashboardServer } from './dashboard-server.js';

export interface DashboardSession {
  readonly browser: Browser;
  readonly dash: DashboardServer;
}

/**
 * Registers the hooks that give a browser test file Chromium and a served demo dashboard (both closed after the
 * file); their fields are set once beforeAll has run.
 */
export function dashboardSession(): DashboardSession {
  const session = {} as { browser: Browser; dash: DashboardServer };
  beforeAll(async () => {
    await ensureDashboardBuilt();
    [session.browser, session.dash] = await Promise.all([launchChromium(), dashboardServer()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.dash?.close();
  });
  return session;
}
