/**
 * The rule designer in headless Chromium with the ticket and survey templates installed: the survey
 * write-back rule shows which record each action writes to (the ticket in the survey's field, then
 * that ticket's customer); an admin authors a rule of their own that writes a survey's CSAT to the
 * ticket's customer — "the record whose id is in a field", ticket → its customer — maps the customer
 * form's field, publishes it, and the stored rule carries exactly that choice.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { readJson } from '../../../runtime/storage/json-value';
import { launchBrowser } from '../../helpers/browser';
import {
  openSignedIn,
  screenshot,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { loadTemplates } from '../../templates/template-cases';

const RULE = 'survey-csat-to-customer';

describe('rule designer: set fields on a linked record', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    const templates = loadTemplates();
    for (const key of ['after-sales-ticket', 'after-sales-survey'])
      await importApp(server.runtime, templates.find((t) => t.bundle.key === key)!.bundle, null);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the template rule’s targets and stores a new rule’s choice', { timeout: 120_000 }, async () => {
    const { context, page } = await openSignedIn(browser, server, {
      viewport: VIEWPORTS.desktop,
      locale: 'en',
    });

    await page.goto(server.url + '/rules/after-sales-survey-writeback');
    const toTicket = page.getByRole('region', { name: 'Action 1' });
    const toCustomer = page.getByRole('region', { name: 'Action 2' });
    await toTicket.getByRole('combobox', { name: 'Field holding its id' }).waitFor();
    await expect(toTicket.getByRole('combobox', { name: 'Which record' }).inputValue()).resolves.toBe(
      'linked',
    );
    await expect(toTicket.getByRole('combobox', { name: 'Its form' }).inputValue()).resolves.toBe(
      'after-sales-ticket',
    );
    await expect(toCustomer.getByRole('combobox', { name: 'Then' }).inputValue()).resolves.toBe('customer');
    await expect(
      toCustomer.getByRole('combobox', { name: 'Form of that record' }).inputValue(),
    ).resolves.toBe('after-sales-customer');
    // The values are mapped onto the customer form's fields, read from the survey.
    await toCustomer.getByRole('combobox', { name: /^Value of .*\(lastCsat\)$/ }).waitFor();
    await expect(page.getByRole('note').count()).resolves.toBe(0);

    await page.goto(server.url + '/rules');
    await page.getByLabel('Key').fill(RULE);
    await page.getByLabel('Name (English)').fill('Survey CSAT to the customer');
    await page.getByLabel('Name (Chinese)').fill('调查满意度写入客户');
    await page.getByLabel('Form it watches').selectOption('after-sales-survey');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('heading', { name: 'Survey CSAT to the customer' }).waitFor();

    const action = page.getByRole('region', { name: 'Action 1' });
    await action.getByRole('combobox', { name: /^Do/ }).selectOption('set-fields');
    await action.getByRole('combobox', { name: 'Which record' }).selectOption('linked');
    await action.getByRole('combobox', { name: 'Field holding its id' }).selectOption('ticket');
    await action.getByRole('combobox', { name: 'Its form' }).selectOption('after-sales-ticket');
    await action.getByRole('combobox', { name: 'Then' }).selectOption('customer');
    await action.getByRole('combobox', { name: 'Form of that record' }).selectOption('after-sales-customer');
    await action.getByLabel('Add field').selectOption('lastCsat');
    const kind = action.getByRole('combobox', { name: /^Value of .*\(lastCsat\)$/ });
    await kind.selectOption('record');
    await action.getByRole('combobox', { name: /^Value for .*\(lastCsat\)$/ }).selectOption('csat');

    await expect(page.getByRole('note').count()).resolves.toBe(0); // no problems
    await screenshot(page, 'rule-designer-linked-set-fields');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();

    const stored = (await server.db
      .knex('definitions')
      .where({ kind: 'rule', key: RULE, version: 1 })
      .first('body')) as { body: unknown };
    expect(readJson<{ actions: unknown[] }>(stored.body).actions).toEqual([
      {
        type: 'set-fields',
        record: { via: ['ticket', 'customer'], through: 'after-sales-ticket', form: 'after-sales-customer' },
        values: { lastCsat: { var: 'record.csat' } },
      },
    ]);
    await context.close();
  });
});
