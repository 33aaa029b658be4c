/**
 * An agent in headless Chromium files a ticket for a customer: on the ticket form (signed in) the
 * customer control searches the customer records as she types part of the name, shows each match's
 * tier and phone, and picking one fills the read-only tier, the contact, the phone and the region.
 * The stored ticket carries the VIP tier (its accept SLA is the VIP target), its page names the
 * customer with a link, and the customer's page lists the ticket in its service history. Signed out,
 * the same form keeps a plain text input. The ticket app is the `after-sales-ticket` template.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { createUser } from '../../../runtime/auth/users';
import { submitRecord } from '../../../runtime/records/record-service';
import { launchBrowser, PAGE_WAIT_MS } from '../../helpers/browser';
import {
  openSignedIn,
  screenshot,
  showIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';

const template = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../templates/after-sales-ticket.app.json'), 'utf8'),
) as unknown;

const AGENT = { username: 'ann', password: 'correct horse battery staple' };
const VIP = {
  name: '深圳南山精密制造有限公司',
  phone: '13800138000',
  tier: 'vip',
  region: { province: '广东省', city: '深圳市' },
  products: [{ productLine: 'phone', model: 'X200 Pro', serialNo: 'X200P2026A0001' }],
};
const OTHER = { name: '南京远景科技', phone: '02566001234', tier: 'standard' };

describe('the customer picker on the ticket form', () => {
  let server: DesignerServer;
  let browser: Browser;
  let vipId: string;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, template, null);
    await createUser(server.runtime, { ...AGENT, roles: ['agent'] });
    vipId = (await submitRecord(server.runtime, 'after-sales-customer', { data: VIP }, { id: null })).id;
    await submitRecord(server.runtime, 'after-sales-customer', { data: OTHER }, { id: null });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the customer by part of the name, fills the ticket and shows the service history', async () => {
    const { context, page } = await openSignedIn(
      browser,
      server,
      { viewport: VIEWPORTS.desktop, locale: 'en-US' },
      AGENT,
    );
    try {
      await page.goto(server.url + '/f/after-sales-ticket');
      await showIn(page, 'English');
      await page.getByRole('heading', { name: 'After-sales ticket' }).waitFor();

      const customer = page.getByRole('combobox', { name: 'Customer', exact: true });
      await customer.pressSequentially('南山');
      const matches = page.getByRole('listbox');
      const option = matches.getByRole('option', { name: /深圳南山精密制造有限公司/ });
      await option.waitFor();
      expect(await matches.getByRole('option').count()).toBe(1); // 南京远景 does not match
      expect(await option.textContent()).toContain('13800138000');
      await screenshot(page, 'customer-picker-matches');
      await option.click();

      expect(await customer.inputValue()).toBe(VIP.name);
      const tier = page.getByLabel('Customer tier');
      expect(await tier.inputValue()).toBe('vip');
      expect(await tier.isDisabled()).toBe(true); // read-only: the customer's tier sets the SLA
      expect(await page.getByLabel('Contact person').inputValue()).toBe(VIP.name);
      expect(await page.getByLabel('Contact phone').inputValue()).toBe(VIP.phone);

      await page.getByLabel('Channel').selectOption('phone');
      await page.getByLabel('Product line').selectOption('phone');
      await page.getByLabel('Product model').fill('X200 Pro');
      await page.getByLabel('Serial number').fill('X200P2026A0001');
      await page.getByLabel('Description').fill('The screen flickers since the update');
      await page.getByRole('button', { name: 'Submit' }).click();
      const reference = page.locator('.thank-you-reference');
      await reference.waitFor();

      const row = (await server.db.knex('records').where({ form_key: 'after-sales-ticket' }).first()) as {
        id: string;
        customer: string;
      };
      expect(await reference.textContent()).toContain(row.id);
      expect(row.customer).toBe(vipId);

      await page.goto(`${server.url}/records/${row.id}`);
      const named = page.getByTestId('record-customer').getByRole('link', { name: VIP.name });
      await named.waitFor();
      await page.getByText('VIP', { exact: true }).first().waitFor();
      await named.click();

      const history = page.getByRole('region', { name: 'Service history' });
      await history.waitFor();
      const entry = history.getByRole('link', { name: /X200 Pro · X200P2026A0001/ });
      await entry.waitFor();
      expect(await history.textContent()).toContain('After-sales ticket');
      await screenshot(page, 'customer-service-history');
      await entry.click();
      await page.waitForURL(`**/records/${row.id}`);
    } finally {
      await context.close();
    }
  });

  it('keeps a plain input for the customer on the public page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await page.goto(server.url + '/f/after-sales-ticket');
      await showIn(page, 'English');
      await page.getByRole('textbox', { name: 'Customer', exact: true }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Customer', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
