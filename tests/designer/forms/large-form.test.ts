/**
 * A 200-field form in the form designer, in headless Chromium: opened straight from its address, every
 * field is on the canvas and, a moment later, in the preview; a field dragged from the palette lands
 * where it was dropped; the cards' buttons (select, duplicate, delete) act on their own field after
 * the canvas has re-rendered around them; a problem made in the property panel still shows on its card
 * and blocks saving. (The canvas and the check of a long form render apart, so these must hold.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkForm } from '../../../examples/demo-data/bulk-form';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { launchBrowser } from '../../helpers/browser';
import { signIn, startDesignerServer, VIEWPORTS, type DesignerServer } from '../../helpers/designer-server';
import { dragWithMouse } from '../../helpers/page-checks';

const FIELDS = 200;
const SECTIONS = 8;

describe('form designer with a 200-field form', () => {
  let server: DesignerServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    const form = bulkForm('checkin', FIELDS, SECTIONS) as unknown as Record<string, unknown>;
    await new DefinitionStore(server.runtime).saveDraft('form', 'checkin', form, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const labels = (page: Page, list: string) =>
    page
      .getByRole('list', { name: list })
      .locator(':scope > li.field-card .card-label')
      .allTextContents()
      .then((all) => all.map((s) => s.trim()));

  it('shows every field, takes a dropped field where it lands and keeps each card acting on its own field', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url);
    await page.goto(server.url + '/forms/checkin');
    await page.getByRole('heading', { name: 'Full service check-in (200 items)' }).waitFor();

    const cards = page.locator('.canvas li.field-card');
    await expect(cards.count()).resolves.toBe(FIELDS + SECTIONS);
    const part1 = await labels(page, 'Part 1');
    expect(part1).toHaveLength(25);
    expect(part1.slice(0, 3)).toEqual(['Check item 1', 'Check item 2', 'Check item 3']);
    // The preview follows: the last field of the last part is there to fill.
    const preview = page.locator('.preview-frame');
    await preview.getByText('Check item 200', { exact: true }).waitFor();
    await expect(page.locator('.field-card .badge.bad').count()).resolves.toBe(0);

    // Dropped on the lower half of "Check item 3": it lands after it, inside Part 1.
    const third = page.getByRole('button', { name: 'Edit Check item 3', exact: true });
    await dragWithMouse(page, page.getByRole('button', { name: 'Drag Single-line text' }), third);
    await page.getByRole('button', { name: 'Edit Single-line text', exact: true }).waitFor();
    expect((await labels(page, 'Part 1')).slice(0, 5)).toEqual([
      'Check item 1',
      'Check item 2',
      'Check item 3',
      'Single-line text',
      'Check item 4',
    ]);
    await expect(cards.count()).resolves.toBe(FIELDS + SECTIONS + 1);
    await preview.getByText('Single-line text', { exact: true }).waitFor();

    // The buttons of cards the drop did not touch still act on their own field.
    await page.getByRole('button', { name: 'Duplicate Check item 5', exact: true }).click();
    await expect(cards.count()).resolves.toBe(FIELDS + SECTIONS + 2);
    expect((await labels(page, 'Part 1')).slice(5, 8)).toEqual([
      'Check item 5',
      'Check item 5',
      'Check item 6',
    ]);
    await page.getByRole('button', { name: 'Delete Check item 200', exact: true }).click();
    await page
      .getByRole('button', { name: 'Edit Check item 200', exact: true })
      .waitFor({ state: 'detached' });
    await expect(cards.count()).resolves.toBe(FIELDS + SECTIONS + 1);

    // A problem made in the panel shows on its card, and saving refuses it.
    await page.getByRole('button', { name: 'Edit Check item 2', exact: true }).click();
    await page.getByLabel('Key', { exact: true }).fill('f1');
    await page.locator('.field-card.selected .badge.bad').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'problem' }).waitFor();
    await context.close();
  }, 90_000);
});
