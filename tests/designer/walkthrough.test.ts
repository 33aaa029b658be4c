/**
 * The whole after-sales story in headless Chromium against one server, as issue 4 tells it: an admin
 * builds the `repair` form in the form designer by dragging fields from the palette with the mouse (a
 * product, a fault choice, a star rating shown only for screen faults, a description with a minimum
 * length, a repeating group of accessories with a field inside), and publishes it; a flow with three
 * stages owned by the agent role is published for it through the API. Signed out, a customer opens
 * `/f/repair`, is refused a too-short description with the engine's message under that field, fixes it
 * and is thanked — and another customer does the same at phone width, in Chinese, without sideways
 * scrolling. The agent finds the new record in the inbox with its SLA countdown, opens it, moves it
 * through two stages with the action buttons and sees both moves, by name, on the timeline; the
 * record's data and stage are then checked in the database.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../runtime/auth/users';
import { readJson } from '../../runtime/storage/json-value';
import { launchBrowser, PAGE_WAIT_MS } from '../helpers/browser';
import {
  screenshot,
  signIn,
  startDesignerServer,
  VIEWPORTS,
  type DesignerServer,
} from '../helpers/designer-server';
import { grantAppRoles } from '../runtime/records/record-fixtures';
import { dragWithMouse, expectNoSidewaysScroll } from '../helpers/page-checks';

const AGENT = { username: 'wang', password: 'correct horse battery staple' };
const AGENT_NAME = 'Wang Wei';

/** The repair flow: received (under a 4-hour SLA) → repairing → done, every move the agent's. */
const repairFlow = {
  key: 'repair-sop',
  title: { 'zh-CN': '维修流程', en: 'Repair SOP' },
  form: 'repair',
  calendar: 'always-open',
  machine: {
    id: 'repair-sop',
    initial: 'received',
    states: {
      received: {
        on: {
          START_REPAIR: {
            target: 'repairing',
            meta: { roles: ['agent'], label: { 'zh-CN': '开始维修', en: 'Start repair' } },
          },
        },
        meta: {
          label: { 'zh-CN': '已受理', en: 'Received' },
          owner: { role: 'agent', strategy: 'round-robin' },
          sla: 'start-sla',
        },
      },
      repairing: {
        on: {
          FINISH_REPAIR: {
            target: 'done',
            meta: { roles: ['agent'], label: { 'zh-CN': '完成维修', en: 'Finish repair' } },
          },
        },
        meta: {
          label: { 'zh-CN': '维修中', en: 'Repairing' },
          owner: { role: 'agent', strategy: 'previous-owner' },
        },
      },
      done: {
        type: 'final',
        meta: { label: { 'zh-CN': '已完成', en: 'Done' }, outcome: 'completed' },
      },
    },
  },
  sla: {
    policies: [
      {
        key: 'start-sla',
        title: { 'zh-CN': '开始维修时效', en: 'Start the repair within' },
        onPriorityChange: 'keep-elapsed',
        warnAt: [0.5],
        targets: [{ minutes: 240 }],
      },
    ],
  },
};

/** Switches the fill page to `wanted` when it shows the other language. */
async function useLanguage(page: Page, wanted: 'en' | 'zh-CN'): Promise<void> {
  const other = wanted === 'en' ? 'English' : '中文';
  const locale = page.getByTestId('locale-switch');
  if ((await locale.textContent()) === other) await locale.click();
}

/**
 * Builds the repair request form in the designer of `admin`, signed in, with mouse drags from the
 * palette and the property panel, and publishes it.
 */
async function designRepairForm(admin: Page, baseUrl: string, formKey: string): Promise<void> {
  await admin.goto(baseUrl + '/forms');
  await admin.getByRole('heading', { name: 'Forms' }).waitFor();
  await admin.getByLabel('Key (used in the link)').fill(formKey);
  await admin.getByLabel('Title (中文)').fill('维修申请');
  await admin.getByLabel('Title (English)').fill('Repair request');
  await admin.getByRole('button', { name: 'Create form' }).click();
  await admin.getByRole('heading', { name: 'Repair request' }).waitFor();
  await admin.getByText('New form — not saved yet').waitFor();

  const canvas = admin.getByRole('list', { name: 'Form canvas' });
  const panel = admin.locator('.property-panel');
  const card = (name: string) => admin.getByRole('button', { name: `Edit ${name}`, exact: true });
  const dragIn = async (type: string, into: Locator = canvas) => {
    await dragWithMouse(admin, admin.getByRole('button', { name: `Drag ${type}` }), into, 'end');
    await into.getByRole('button', { name: `Edit ${type}`, exact: true }).waitFor();
  };
  /** Selects a card (a click on the selected one would unselect it; a dropped field comes selected). */
  const select = async (button: Locator) => {
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await button.and(admin.getByRole('button', { pressed: true })).waitFor();
    await panel.waitFor();
  };
  /** Selects the card `name` and names the field (labels in both languages, key). */
  const nameField = async (
    name: string,
    key: string,
    en: string,
    zh: string,
    within: Page | Locator = admin,
  ) => {
    await select(within.getByRole('button', { name: `Edit ${name}`, exact: true }));
    await panel.getByLabel('Label (English)', { exact: true }).fill(en);
    await panel.getByLabel('Label (中文)', { exact: true }).fill(zh);
    await panel.getByLabel('Key', { exact: true }).fill(key);
    await card(en).waitFor();
  };

  await dragIn('Single-line text');
  await nameField('Single-line text', 'product', 'Product', '产品');
  await panel.getByLabel('Required', { exact: true }).check();

  await dragIn('Single choice');
  await nameField('Single choice', 'fault', 'Fault', '故障');
  const options = [
    ['screen', 'Screen', '屏幕'],
    ['battery', 'Battery', '电池'],
  ] as const;
  for (const [i, [value, en, zh]] of options.entries()) {
    const option = panel.getByRole('group', { name: `Option ${i + 1}`, exact: true });
    await option.getByLabel('Value', { exact: true }).fill(value);
    await option.getByLabel(`Option ${i + 1} (English)`).fill(en);
    await option.getByLabel(`Option ${i + 1} (中文)`).fill(zh);
  }

  await dragIn('Star rating');
  await nameField('Star rating', 'severity', 'How bad is it?', '有多严重？');

  // The rule a customer can break: a description of at least ten characters.
  await dragIn('Multi-line text');
  await nameField('Multi-line text', 'detail', 'What happened?', '发生了什么？');
  await panel.getByLabel('Required', { exact: true }).check();
  await panel.getByLabel('Minimum length', { exact: true }).fill('10');

  await dragIn('Repeating group');
  const group = admin.getByRole('list', { name: 'Repeating group' });
  await dragIn('Single-line text', group);
  await nameField('Single-line text', 'name', 'Accessory', '配件', group);
  await nameField('Repeating group', 'accessories', 'Accessories', '随附配件');
  await admin
    .getByRole('list', { name: 'Accessories' })
    .getByRole('button', { name: 'Edit Accessory' })
    .waitFor();

  const order = await canvas.locator('.card-label').allTextContents();
  expect(order.map((s) => s.trim())).toEqual([
    'Product *',
    'Fault',
    'How bad is it?',
    'What happened? *',
    'Accessories',
    'Accessory',
  ]);

  // The rating shows only when the fault is the screen.
  await select(card('How bad is it?'));
  const builder = admin.getByRole('group', { name: 'Visible when' });
  await builder.getByRole('button', { name: '+ Add condition' }).click();
  await builder.getByLabel('Field').selectOption({ label: 'Fault' });
  await builder.getByLabel('Value').selectOption({ label: 'Screen' });
  await admin.locator('.field-card.selected .badge', { hasText: 'conditional' }).waitFor();
  await expect(admin.locator('.field-card .badge.bad').count()).resolves.toBe(0);
  await screenshot(admin, 'walkthrough-1-form-designer-desktop');

  await admin.getByRole('button', { name: 'Publish' }).click();
  await admin.getByText('Published as version 1.').waitFor();
  await admin.getByText('Published, version 1').waitFor();
}

describe('walkthrough: design a form, fill it, work the record', () => {
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

  it('goes from an empty designer to a repaired record on the timeline', { timeout: 120_000 }, async () => {
    // 1. The admin builds the repair request form by dragging fields from the palette.
    const adminContext = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(PAGE_WAIT_MS);
    await signIn(admin, server.url);
    await designRepairForm(admin, server.url, 'repair');

    const published = await server.db
      .knex('definitions')
      .where({ kind: 'form', key: 'repair', version: 1 })
      .first();
    expect(published.status).toBe('published');
    const form = JSON.parse(String(published.body)) as {
      fields: Record<string, unknown>[];
    };
    expect(form.fields.map((f) => [f.key, f.type])).toEqual([
      ['product', 'text'],
      ['fault', 'radio'],
      ['severity', 'rating'],
      ['detail', 'textarea'],
      ['accessories', 'group'],
    ]);
    expect(form.fields[0]).toMatchObject({ required: true });
    expect(form.fields[1]?.options).toEqual([
      { value: 'screen', label: { 'zh-CN': '屏幕', en: 'Screen' } },
      { value: 'battery', label: { 'zh-CN': '电池', en: 'Battery' } },
    ]);
    expect(form.fields[2]?.visibleWhen).toEqual({ '==': [{ var: 'fault' }, 'screen'] });
    expect(form.fields[3]).toMatchObject({ required: true, minLength: 10 });
    expect(form.fields[4]?.fields).toEqual([
      { key: 'name', type: 'text', label: { 'zh-CN': '配件', en: 'Accessory' } },
    ]);

    // 2. The agent, and the flow that puts repair requests in their inbox, published with the admin's
    // session; the agent's app role lets them move repair requests on.
    const agent = await createUser(server.runtime, {
      ...AGENT,
      displayName: AGENT_NAME,
      roles: ['agent'],
    });
    const me = await admin.request.get(server.url + '/api/auth/me');
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const created = await admin.request.post(server.url + '/api/flows', { headers, data: repairFlow });
    expect(created.status(), await created.text()).toBe(201);
    const flowPublished = await admin.request.post(server.url + '/api/flows/repair-sop/publish', {
      headers,
    });
    expect(flowPublished.status(), await flowPublished.text()).toBe(200);
    await grantAppRoles(server.db.knex, 'repair-service', ['repair'], {
      agent: ['create', 'read-own', 'update'],
    });
    await admin.goto(server.url + '/flows');
    await admin.getByText('Repair SOP').first().waitFor();
    await adminContext.close();

    // 3. Signed out, a customer fills the public link: refused once, then thanked.
    const description = 'The screen flickers ten minutes after start-up';
    const customerContext = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const customer = await customerContext.newPage();
    customer.setDefaultTimeout(PAGE_WAIT_MS);
    await customer.goto(server.url + '/f/repair');
    await customer.getByRole('heading', { name: 'Repair request' }).waitFor();
    await useLanguage(customer, 'en');
    await customer.getByRole('heading', { name: 'Repair request' }).waitFor();
    await expect(customer.getByRole('link', { name: /sign in/i }).count()).resolves.toBe(0);

    await customer.getByLabel('Product').fill('X200');
    const rating = customer.getByRole('radiogroup', { name: 'How bad is it?' });
    await customer.getByRole('radio', { name: 'Battery' }).check();
    await expect(rating.count()).resolves.toBe(0);
    await customer.getByRole('radio', { name: 'Screen' }).check();
    await rating.waitFor();
    await rating.getByRole('radio', { name: '4 of 5 stars' }).check({ force: true });
    await customer.getByLabel('What happened?').fill('Flickers');
    await customer.getByRole('button', { name: 'Add to Accessories' }).click();
    await customer.getByRole('group', { name: 'Accessories 1' }).getByLabel('Accessory').fill('Charger');
    await customer.getByRole('button', { name: 'Submit' }).click();
    const detailField = customer.locator('[data-field="/detail"]');
    const tooShort = '"What happened?" must have at least 10 characters';
    await detailField.getByText(tooShort).waitFor();
    await expect(customer.getByLabel('What happened?').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(customer, 'walkthrough-2-fill-invalid-desktop');

    await customer.getByLabel('What happened?').fill(description);
    await detailField.getByText(tooShort).waitFor({ state: 'detached' });
    await customer.getByRole('button', { name: 'Submit' }).click();
    await customer.getByRole('heading', { name: 'Thank you!' }).waitFor();
    const reference = (await customer.getByText(/^Reference number: /).textContent()) ?? '';
    const recordId = reference.replace('Reference number: ', '').trim();
    expect(recordId).not.toBe('');
    await expectNoSidewaysScroll(customer);
    await screenshot(customer, 'walkthrough-3-fill-thanks-desktop');
    await customerContext.close();

    // … and another customer on a phone, in Chinese.
    const phoneContext = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN' });
    const phone = await phoneContext.newPage();
    phone.setDefaultTimeout(PAGE_WAIT_MS);
    await phone.goto(server.url + '/f/repair');
    await phone.getByRole('heading', { name: '维修申请' }).waitFor();
    await useLanguage(phone, 'zh-CN');
    await phone.getByRole('heading', { name: '维修申请' }).waitFor();
    await phone.getByLabel('产品').fill('X300');
    await phone.getByRole('radio', { name: '电池' }).check();
    await expect(phone.getByRole('radiogroup', { name: '有多严重？' }).count()).resolves.toBe(0);
    await phone.getByLabel('发生了什么？').fill('不充电');
    await phone.getByRole('button', { name: '提交' }).click();
    const phoneDetail = phone.locator('[data-field="/detail"]');
    await phoneDetail.getByText('“发生了什么？”至少需要 10 个字符').waitFor();
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'walkthrough-2-fill-invalid-phone');
    await phone.getByLabel('发生了什么？').fill('插上充电器后电池一直不充电');
    await phoneDetail.getByText('“发生了什么？”至少需要 10 个字符').waitFor({ state: 'detached' });
    await expectNoSidewaysScroll(phone);
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByRole('heading', { name: '感谢您的反馈！' }).waitFor();
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'walkthrough-3-fill-thanks-phone');
    await phoneContext.close();

    // 4. The agent finds the request in the inbox, counting down, and moves it through two stages.
    const agentContext = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
    const page = await agentContext.newPage();
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await signIn(page, server.url, AGENT);
    await page.goto(server.url + '/inbox');
    const tasks = page.getByTestId('task');
    await tasks.nth(1).waitFor();
    expect(await tasks.count()).toBe(2);
    const task = tasks.filter({ has: page.getByRole('link', { name: description }) });
    await task.waitFor();
    const taskText = (await task.textContent()) ?? '';
    expect(taskText).toContain('Repair request');
    expect(taskText).toContain('Received');
    expect(taskText).toContain(`Assignee: ${AGENT_NAME}`);
    const countdown = task.getByRole('timer');
    await expect(countdown.getAttribute('data-level')).resolves.toBe('on-time');
    await expect(countdown.textContent()).resolves.toMatch(/^On time(4h 00m|3h 5\dm) \d\ds left$/);
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'walkthrough-4-inbox-desktop');

    await task.getByRole('link', { name: description }).click();
    await page.getByRole('heading', { name: description }).waitFor();
    await page.getByRole('heading', { name: 'Actions' }).waitFor();
    const stage = page.getByTestId('record-stage');
    await expect(stage.textContent()).resolves.toBe('Received');
    const row = (label: string) => page.locator('.data-row', { hasText: label }).first().textContent();
    await expect(row('Product')).resolves.toContain('X200');
    await expect(row('Fault')).resolves.toContain('Screen');
    await screenshot(page, 'walkthrough-5-record-received-desktop');

    await page.getByRole('button', { name: 'Start repair → Repairing' }).click();
    await page.getByText('Done: the record is now in “Repairing”.').waitFor();
    await expect(stage.textContent()).resolves.toBe('Repairing');
    await page.getByRole('button', { name: 'Finish repair → Done' }).click();
    await page.getByText('Done: the record is now in “Done”.').waitFor();
    await expect(stage.textContent()).resolves.toBe('Done (Closed)');

    const timeline = page.locator('.timeline');
    const started = `${AGENT_NAME} did “START_REPAIR”: Received → Repairing`;
    const finished = `${AGENT_NAME} did “FINISH_REPAIR”: Repairing → Done`;
    await timeline.getByText(finished).waitFor();
    const text = (await timeline.textContent()) ?? '';
    for (const line of [
      'The customer submitted the record',
      'Entered the stage “Received”',
      started,
      'Entered the stage “Repairing”',
      finished,
      'Entered the stage “Done”',
    ]) {
      expect(text).toContain(line);
    }
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'walkthrough-6-record-done-desktop');
    await agentContext.close();

    // The stored facts: the customer's answers, the final stage, who moved it.
    const stored = await server.db.knex('records').where({ id: recordId }).first();
    expect(stored.form_key).toBe('repair');
    expect(stored.stage).toBe('done');
    expect(stored.assignee).toBe(agent.id);
    expect(stored.resolved_at).not.toBeNull();
    expect(readJson(stored.data)).toEqual({
      product: 'X200',
      fault: 'screen',
      severity: 4,
      detail: description,
      accessories: [{ name: 'Charger' }],
    });
    const instance = await server.db.knex('flow_instances').where({ record_id: recordId }).first();
    expect(instance).toMatchObject({ flow_key: 'repair-sop', status: 'done' });
    const moves = (await server.db
      .knex('events')
      .where({ stream: 'record', stream_id: recordId, type: 'flow.event' })
      .orderBy('id')
      .select('actor', 'payload')) as { actor: string; payload: unknown }[];
    expect(moves.map((m) => [m.actor, readJson<{ event: string }>(m.payload)?.event])).toEqual([
      [agent.id, 'START_REPAIR'],
      [agent.id, 'FINISH_REPAIR'],
    ]);
    const other = await server.db.knex('records').where({ form_key: 'repair' }).whereNot({ id: recordId });
    expect(other.map((r) => [r.stage, readJson(r.data)])).toEqual([
      [
        'received',
        { product: 'X300', fault: 'battery', detail: '插上充电器后电池一直不充电', accessories: [] },
      ],
    ]);
  });
});
