/**
 * The "owner from a reference form" recipient in the rule designer, in headless Chromium: an admin
 * notifies the owner of the ticket's product line (a `product-line` reference form). Until a match
 * row is added the engine's problem shows on that action; with `line` = the ticket's model it goes,
 * and the saved draft holds the lookup. The same action fits a phone, in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { launchBrowser } from '../../helpers/browser';
import {
  screenshot,
  openSignedIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const TOUR = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
);
TOUR.forms.push({
  key: 'product-line',
  title: { 'zh-CN': '产品线', en: 'Product line' },
  fields: [
    { key: 'line', type: 'text', label: { 'zh-CN': '产品线', en: 'Line' }, required: true },
    { key: 'owner', type: 'user', label: { 'zh-CN': '负责人', en: 'Owner' } },
  ],
});
const RULE = 'line-owner-ui';

describe('rule designer: owner from a reference form', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, TOUR, null);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'builds the lookup, shows its problem on the action until it matches, saves it',
    { timeout: 90_000 },
    async () => {
      const { context, page } = await openSignedIn(browser, server, {
        viewport: VIEWPORTS.desktop,
        locale: 'en',
      });
      await page.goto(server.url + '/rules');
      await page.getByLabel('Key').fill(RULE);
      await page.getByLabel('Name (English)').fill('Line owner (UI)');
      await page.getByLabel('Name (Chinese)').fill('产品线负责人（界面）');
      await page.getByLabel('Form it watches').selectOption('ticket');
      await page.getByRole('button', { name: 'Create rule' }).click();
      await page.getByRole('heading', { name: 'Line owner (UI)' }).waitFor();

      const action = page.getByRole('region', { name: 'Action 1' });
      await action.getByLabel('Notify 1: Who', { exact: true }).selectOption('lookup');
      await action.getByLabel('Notify 1: Reference form').selectOption('product-line');
      // The form's fields load once it is picked; its user field becomes the owner field.
      await expect.poll(() => action.getByLabel('Notify 1: Owner field').inputValue()).toBe('owner');
      // No match row yet: the engine's problem is shown on this action.
      const problem = action.locator('.rule-issues li');
      await problem.first().waitFor();

      await action.getByRole('button', { name: 'Add match' }).click();
      await action.getByLabel('Notify 1: Match 1: equals this record’s field').selectOption('model');
      await problem.first().waitFor({ state: 'detached' });
      await screenshot(page, 'rule-lookup-recipient-desktop');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Draft saved').waitFor();
      const stored = await page.evaluate(
        async (key) => await (await fetch(`/api/rules/${key}`)).json(),
        RULE,
      );
      expect(stored.body.actions[0].to).toEqual([
        { lookup: { form: 'product-line', match: { line: 'model' }, field: 'owner' } },
      ]);
      await context.close();
    },
  );

  it('fits a phone, in Chinese', { timeout: 60_000 }, async () => {
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.phone,
      locale: 'zh-CN',
    });
    await page.evaluate(() => localStorage.setItem('closedloop.locale', 'zh-CN'));
    await page.goto(`${server.url}/rules/${RULE}`);
    await page.getByLabel('通知 1: 匹配 1：等于本记录字段').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'rule-lookup-recipient-phone');
    await context.close();
  });
});
