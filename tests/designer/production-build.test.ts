/**
 * The designer the runtime serves is React's production build, though the test runner (NODE_ENV=test)
 * built it: a development build renders a long form several times slower and announces itself in
 * the browser's console ("Download the React DevTools …"). Whoever builds it, users get the fast one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { signIn, startDesignerServer, VIEWPORTS, type DesignerServer } from '../helpers/designer-server';

describe('designer build', () => {
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

  it('is a production build of React: no development notice in the console on the way to the inbox', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    await signIn(page, server.url);
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    expect(process.env.NODE_ENV).toBe('test');
    expect(console.filter((line) => line.includes('React DevTools'))).toEqual([]);
    await context.close();
  }, 60_000);
});
