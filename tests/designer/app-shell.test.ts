/**
 * The designer as a user first meets it, in headless Chromium: served by the runtime at `/` (any page
 * address gets the app, API addresses stay API), sign-in with a wrong and then a right password, the
 * zh-CN / en switch, a reload keeping the session, and the header at phone width.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  ADMIN,
  screenshot,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../helpers/designer-server';
import { expectNoSidewaysScroll } from '../helpers/page-checks';

describe('designer app shell', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the app for page addresses and leaves the API alone', async () => {
    const page = await fetch(server.url + '/forms/ticket');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(server.url + '/api/auth/me');
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('json');
    const missingAsset = await fetch(server.url + '/assets/no-such-bundle.js');
    expect(missingAsset.status).toBe(404);
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`signs in, switches language and keeps the session on reload (${name})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(server.url + '/inbox');
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await screenshot(page, `login-${name}`);

      await page.getByLabel('用户名').fill(ADMIN.username);
      await page.getByLabel('密码').fill('wrong password');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe('用户名或密码错误。');

      await page.getByLabel('密码').fill(ADMIN.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('link', { name: '待办' }).waitFor();
      await page.getByTestId('locale-switch').click();
      await page.getByRole('link', { name: 'Inbox' }).waitFor();

      await page.reload();
      // Still signed in, still in English.
      await page.getByRole('link', { name: 'Inbox' }).waitFor();
      await expect(page.locator('.shell-user').textContent()).resolves.toBe(ADMIN.username);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `shell-${name}`);
      await context.close();
    });
  }
});
