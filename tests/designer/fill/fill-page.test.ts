/**
 * The public fill page in headless Chromium, signed out, at desk and phone width: the published repair
 * request form refuses a bad phone number with the engine's message under the field, takes the fix, a
 * fault description that appears when "Fault" is chosen, a photo uploaded with a thumbnail (and, at
 * desk width, a signature drawn on the pad), then thanks the customer; the record is in the store with
 * the photo's reference and the photo itself. A CSAT survey link carrying `?ticket=<id>` shows the
 * ticket read-only and stores it with the answers. The forms are published through the API; the ticket
 * comes from the engine tour's app bundle.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { readJson } from '../../../runtime/storage/json-value';
import { launchBrowser } from '../../helpers/browser';
import {
  ADMIN,
  screenshot,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../../helpers/designer-server';
import { csatForm, repairRequestForm, SMALL_PNG } from '../../runtime/attachments/attachment-fixtures';
import { expectNoSidewaysScroll } from '../../helpers/page-checks';

const tourBundle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as unknown;

interface Session {
  headers: Record<string, string>;
}

async function login(server: DesignerServer): Promise<Session> {
  const res = await fetch(server.url + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' } };
}

async function call(server: DesignerServer, session: Session, path: string, body?: unknown) {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: session.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, any>;
}

describe('public fill page', () => {
  let server: DesignerServer;
  let browser: Browser;
  let ticketId: string;

  beforeAll(async () => {
    server = await startDesignerServer();
    browser = await launchBrowser();
    await importApp(server.runtime, tourBundle, null);
    const admin = await login(server);
    for (const form of [repairRequestForm, csatForm]) {
      await call(server, admin, '/api/forms', form);
      await call(server, admin, `/api/forms/${form.key}/publish`);
    }
    const ticket = await call(server, admin, '/api/forms/ticket/records', {
      data: {
        customer: 'C-1001',
        tier: 'vip',
        priority: 'high',
        channel: 'web',
        model: 'X200',
        detail: 'Screen flickers',
      },
    });
    ticketId = ticket.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`takes a repair request with a photo, signed out (${name})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(server.url + '/f/repair-request');
      await page.getByRole('heading', { name: 'Repair request' }).waitFor();
      if (
        await page
          .getByTestId('locale-switch')
          .textContent()
          .then((t) => t === 'English')
      )
        await page.getByTestId('locale-switch').click();
      await page.getByRole('heading', { name: 'Repair request' }).waitFor();

      const person = name === 'phone' ? '李雷' : 'Wang Fang';
      await page.getByLabel('Your name').fill(person);
      await page.getByLabel('Mobile').fill('12345');
      await page.getByRole('button', { name: 'Submit' }).click();
      const mobile = page.locator('[data-field="/mobile"]');
      await mobile.getByText('"Mobile" must be a phone number').waitFor();
      await expect(page.getByLabel('Mobile').getAttribute('aria-invalid')).resolves.toBe('true');
      await screenshot(page, `fill-invalid-${name}`);

      await page.getByLabel('Mobile').fill('13812345678');
      await mobile.getByText('"Mobile" must be a phone number').waitFor({ state: 'detached' });
      await page.getByLabel('Product model').selectOption('X200');
      await page.getByRole('radio', { name: 'Fault' }).check();
      await page.getByLabel('Fault description').fill('The screen goes black after ten minutes');

      const photos = page.getByRole('group', { name: 'Photos of the fault' });
      await photos
        .getByLabel('Add files')
        .setInputFiles({ name: 'fault.png', mimeType: 'image/png', buffer: SMALL_PNG });
      await photos.getByRole('img', { name: 'fault.png' }).waitFor();
      if (name === 'desktop') {
        // Sign on the pad with the mouse; the drawing is uploaded as a PNG.
        const pad = page.getByRole('img', { name: /Your signature/ });
        await pad.scrollIntoViewIfNeeded();
        const box = (await pad.boundingBox())!;
        await page.mouse.move(box.x + 20, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
        await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 5 });
        await page.mouse.up();
        await page.getByRole('button', { name: 'Use this signature' }).click();
        await page
          .getByRole('group', { name: 'Your signature' })
          .getByRole('img', { name: 'signature.png' })
          .waitFor();
      }
      await expectNoSidewaysScroll(page);
      await screenshot(page, `fill-ready-${name}`);

      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, `fill-thanks-${name}`);
      await context.close();

      const rows = await server.runtime.db.knex('records').where({ form_key: 'repair-request' });
      const record = rows.map((r) => readJson<Record<string, any>>(r.data)!).find((d) => d.name === person);
      const hash = createHash('sha256').update(SMALL_PNG).digest('hex');
      const { signature, ...rest } = record!;
      if (name === 'desktop')
        expect(signature).toMatchObject({ name: 'signature.png', contentType: 'image/png' });
      else expect(signature).toBeUndefined();
      expect(rest).toEqual({
        name: person,
        mobile: '13812345678',
        model: 'X200',
        kind: 'fault',
        detail: 'The screen goes black after ten minutes',
        photos: [{ hash, name: 'fault.png', size: SMALL_PNG.length, contentType: 'image/png' }],
      });
      const stored = await server.runtime.db.knex('attachments').where({ hash }).first();
      expect(Buffer.from(stored.content).equals(SMALL_PNG)).toBe(true);
    });
  }

  it('answers a CSAT survey from a link that carries the ticket, in Chinese at phone width', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/f/csat?ticket=${ticketId}&utm_source=sms`);
    await page.getByRole('heading', { name: '服务满意度回访' }).waitFor();
    const ticket = page.getByLabel('工单');
    await expect(ticket.inputValue()).resolves.toBe(ticketId);
    await expect(ticket.getAttribute('readonly')).resolves.not.toBeNull();

    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-field="/satisfaction"]').getByText('“您对本次服务满意吗？”为必填项').waitFor();
    await page.getByRole('radio', { name: '2 星（满分 5 星）' }).check({ force: true });
    await page.getByLabel('哪里可以做得更好？').fill('上门太慢');
    await page.getByRole('radio', { name: '5 星（满分 5 星）' }).check({ force: true });
    await page.getByLabel('哪里可以做得更好？').waitFor({ state: 'detached' });
    await page
      .getByRole('radiogroup', { name: '您向朋友推荐我们的可能性有多大？' })
      .getByRole('radio', { name: '9' })
      .check({ force: true });
    await page
      .getByRole('radiogroup', { name: '解决问题有多容易？' })
      .getByRole('radio', { name: '6' })
      .check({ force: true });
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'survey-phone');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '感谢您的反馈！' }).waitFor();
    await context.close();

    const row = await server.runtime.db.knex('records').where({ form_key: 'csat' }).first();
    expect(readJson(row.data)).toEqual({ ticket: ticketId, satisfaction: 5, recommend: 9, effort: 6 });
  });

  it('says so when the form does not exist', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/f/nope`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/does not exist|不存在/);
    await context.close();
  });
});
