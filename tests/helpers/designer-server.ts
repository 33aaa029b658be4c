/**
 * @module A listening runtime serving the built designer, for the browser suites: a fresh SQLite (or
 * PostgreSQL) store, a ManualClock that starts at the real time (so countdowns shown in the browser
 * make sense), an admin user, and helpers to save screenshots as test artifacts (not committed).
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createUser } from '../../runtime/auth/users';
import type { Dialect } from '../../runtime/config/database-url';
import { createApp, type Runtime } from '../../runtime/create-app';
import { DESIGNER_DIST, REPO_ROOT } from '../../runtime/designer/designer-build';
import { memoryLogger } from '../../runtime/logger';
import { ManualClock } from './manual-clock';
import { createTestDatabase, type TestDatabase } from './test-databases';
import { PAGE_WAIT_MS } from './browser';

export const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

export interface DesignerServer {
  url: string;
  runtime: Runtime;
  db: TestDatabase;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startDesignerServer(dialect: Dialect = 'sqlite'): Promise<DesignerServer> {
  const db = await createTestDatabase(dialect);
  const clock = new ManualClock(new Date().toISOString());
  const runtime = createApp({ db, clock, logger: memoryLogger(), designerDist: DESIGNER_DIST });
  await createUser(runtime, { username: ADMIN.username, password: ADMIN.password, roles: ['admin'] });
  const server: Server = createServer(runtime.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    db,
    clock,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.drop();
    },
  };
}

/** Phone and desktop viewports the pages are checked (and photographed) at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts', 'screenshots');

/** Saves a full-page screenshot as `test-artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/** Signs in through the login page. */
export async function signIn(page: Page, baseUrl: string, user = ADMIN): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByLabel(/Username|用户名/).fill(user.username);
  await page.getByLabel(/Password|密码/).fill(user.password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await page.getByTestId('locale-switch').waitFor();
  await page.locator('.shell-header').waitFor();
}

/** Shows the page in `language` (the header's switch names the other language, so it is clicked when it names this one). */
export async function showIn(page: Page, language: 'English' | '中文'): Promise<void> {
  const toggle = page.getByTestId('locale-switch');
  await toggle.waitFor();
  if ((await toggle.textContent()) === language) await toggle.click();
}

/** A fresh browser context (viewport, locale, …) with one page that waits up to 10 s, signed in as `user`. */
export async function openSignedIn(
  browser: Browser,
  server: Pick<DesignerServer, 'url'>,
  options: BrowserContextOptions,
  user = ADMIN,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  await signIn(page, server.url, user);
  return { context, page };
}
