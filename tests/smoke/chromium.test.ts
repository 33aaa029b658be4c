/** Smoke test: Debian's headless Chromium runs a page's script and reports what it rendered. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';

describe('headless Chromium for the designer suites', () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><button id="b">提交</button><p id="out"></p>
        <script>document.getElementById('b').onclick = () => { document.getElementById('out').textContent = '已提交 ' + (2 + 3); };</script>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('clicks a button on a localhost page and sees the script run', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.click('#b');
    await expect.poll(() => page.textContent('#out')).toBe('已提交 5');
  });
});
