/**
 * A rule's lookup recipient ("the owner of the product line") on both databases: a threshold of screen
 * failures per model makes an R&D task, assigns it to the owner the `product-line` reference form
 * names for that model, and notifies that owner. The most recently updated matching product-line
 * record wins (an edit makes an older one the newest). A model no product line covers, or an owner who
 * is no longer active, is refused on the firing with the form and the match named, and the task stays
 * unassigned; the notification reaches nobody rather than falling back to anyone else.
 */
import { describe, expect, it } from 'vitest';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createUserAndLogin, loginAs, type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  drainRules,
  firingsOf,
  recordAsSeen,
  replayRules,
  storeCounts,
  submitTicket,
  ticket,
  useRuleActionsApp,
} from './rule-actions-app';

/** Reference data: who owns each product line. */
const PRODUCT_LINE = {
  key: 'product-line',
  title: { 'zh-CN': '产品线', en: 'Product line' },
  fields: [
    { key: 'line', type: 'text', label: { 'zh-CN': '产品线', en: 'Line' }, required: true },
    { key: 'owner', type: 'user', label: { 'zh-CN': '负责人', en: 'Owner' } },
    { key: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
  ],
};

const OWNER_OF_LINE = { lookup: { form: 'product-line', match: { line: 'model' }, field: 'owner' } };

/** Two screen failures of one model in a month: an R&D task for the line's owner, who is told. */
const RULE = {
  key: 'screen-to-line-owner',
  title: { 'zh-CN': '屏幕故障交产品线负责人', en: 'Screen failures to the line owner' },
  enabled: true,
  timezone: 'Asia/Shanghai',
  trigger: { type: 'record.created', form: 'ticket' },
  aggregates: {
    screens: {
      form: 'ticket',
      measure: { op: 'count' },
      filter: { '==': [{ var: 'category' }, 'screen'] },
      window: { type: 'calendar', unit: 'month' },
      groupBy: ['model'],
    },
  },
  condition: {
    and: [{ '==': [{ var: 'record.category' }, 'screen'] }, { '>=': [{ var: 'aggregates.screens' }, 2] }],
  },
  actions: [
    {
      type: 'create-record',
      form: 'rd-task',
      map: { title: { cat: ['Screen failures ', { var: 'record.model' }] }, model: { var: 'record.model' } },
    },
    // Reads the created task's `model` (the record it assigns).
    { type: 'assign', to: OWNER_OF_LINE },
    // Reads the triggering ticket's `model`.
    { type: 'notify', to: [OWNER_OF_LINE], template: { en: '{{record.model}}: {{aggregates.screens}}' } },
  ],
};

describe.each(DIALECTS)('lookup recipient on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let lee: TestLogin;
  let sue: TestLogin;
  let eng: TestLogin;
  let olderX200: { id: string; revision: number };
  const notifications = createNotificationsConsumer({ email: false });

  const addLine = async (data: Record<string, unknown>) => {
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/product-line/records',
      headers: admin.headers,
      payload: { data },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; revision: number };
  };
  /** Two screen failures of `model`, a minute apart; the second one crosses the threshold. */
  const crossThreshold = async (model: string) => {
    await submitTicket(h, admin, ticket({ model, category: 'screen' }));
    h.clock.advanceMinutes(1);
    const second = await submitTicket(h, admin, ticket({ model, category: 'screen' }));
    await drainRules(h);
    const firing = (await firingsOf(h, admin, RULE.key)).find((f) => f.records.includes(second.id))!;
    expect(firing.created[0]?.type).toBe('create-record');
    return { ticket: second.id, task: firing.created[0]!.id!, created: firing.created };
  };
  const notificationsOf = async (who: TestLogin) => {
    await drainOutboxFully(h.runtime, notifications);
    const res = await h.request({ method: 'GET', url: '/api/notifications', headers: who.headers });
    expect(res.status).toBe(200);
    return res.body.items as { type: string; body: { recordId: string } }[];
  };
  const notifiedAbout = async (recordId: string) => {
    await drainOutboxFully(h.runtime, notifications);
    const rows = (await h.db
      .knex('notifications')
      .where({ type: 'notify', record_id: recordId })
      .select('user_id')) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  };

  useRuleActionsApp(dialect, {
    parts: async (harness) => {
      lee = await createUserAndLogin(harness, { username: 'lee', roles: ['rd-lead'] });
      sue = await createUserAndLogin(harness, { username: 'sue', roles: ['rd-lead'] });
      eng = await createUserAndLogin(harness, { username: 'eng', roles: ['rd-lead'] });
      // The ticket SOP gives new tickets to the agent.
      await createUserAndLogin(harness, { username: 'ann', roles: ['agent'] });
      return { rules: [RULE], forms: [PRODUCT_LINE] };
    },
    ready: (harness, login) => {
      h = harness;
      admin = login;
    },
  });

  it('assigns the R&D task to the owner of the newest matching product line and notifies them', async () => {
    olderX200 = await addLine({ line: 'X200', owner: sue.user.id, note: 'old' });
    h.clock.advanceMinutes(5);
    await addLine({ line: 'X200', owner: lee.user.id });
    // Equality is exact: neither of these is line X100.
    await addLine({ line: 'X100 ', owner: sue.user.id });
    await addLine({ line: 'x100', owner: sue.user.id });
    h.clock.advanceMinutes(5);

    const { ticket: source, task, created } = await crossThreshold('X200');
    expect(created).toEqual([
      { type: 'create-record', id: task },
      { type: 'assign', id: task },
      { type: 'notify' },
    ]);
    const record = await recordAsSeen(h, admin, task);
    expect(record).toMatchObject({ form: 'rd-task', assignee: lee.user.id });
    const assigned = record.timeline.filter((e) => e.type === 'record.assigned');
    expect(assigned.map((e) => e.payload.reason)).toEqual([
      'Assigned by rule "screen-to-line-owner": the user in field "owner" of the "product-line" record with line = "X200"',
    ]);

    expect(await notifiedAbout(source)).toEqual([lee.user.id]);
    const told = await notificationsOf(lee);
    expect(told).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'assigned', body: expect.objectContaining({ recordId: task }) }),
        expect.objectContaining({ type: 'notify', body: expect.objectContaining({ recordId: source }) }),
      ]),
    );
    expect((await notificationsOf(sue)).length).toBe(0);
  });

  it('follows the most recent update: the edited older product line wins next month', async () => {
    h.clock.advanceMinutes(5);
    const edit = await h.request({
      method: 'PATCH',
      url: `/api/records/${olderX200.id}`,
      headers: { ...admin.headers, 'if-match': String(olderX200.revision) },
      payload: { data: { line: 'X200', owner: sue.user.id, note: 'reviewed' } },
    });
    expect(edit.status).toBe(200);
    h.clock.advanceMinutes(60 * 24 * 31);
    admin = await loginAs(h, 'admin'); // a month on, the session has ended
    const next = await crossThreshold('X200');
    expect((await recordAsSeen(h, admin, next.task)).assignee).toBe(sue.user.id);
    expect(await notifiedAbout(next.ticket)).toEqual([sue.user.id]);
  });

  it('refuses a model no product line covers: the task stays unassigned and nobody is notified', async () => {
    const { ticket: source, task, created } = await crossThreshold('X100');
    expect(created).toEqual([
      { type: 'create-record', id: task },
      { type: 'assign-refused', problems: ['no "product-line" record has line = "X100"'] },
      { type: 'notify' },
    ]);
    const record = await recordAsSeen(h, admin, task);
    expect(record.assignee).toBeNull();
    expect(record.timeline.filter((e) => e.type === 'record.assigned')).toEqual([]);
    expect(await notifiedAbout(source)).toEqual([]);
    expect(
      h.logs.some((l) => JSON.stringify(l).includes('no \\"product-line\\" record has line = \\"X100\\"')),
    ).toBe(true);
  });

  it('refuses an owner who is no longer active, naming the lookup', async () => {
    await addLine({ line: 'X300', owner: eng.user.id });
    await h.db.knex('users').where({ id: eng.user.id }).update({ active: false });
    const { ticket: source, task, created } = await crossThreshold('X300');
    expect(created[1]).toEqual({
      type: 'assign-refused',
      problems: [
        `the user in field "owner" of the "product-line" record with line = "X300" is "${eng.user.id}", not an active user`,
      ],
    });
    expect((await recordAsSeen(h, admin, task)).assignee).toBeNull();
    expect(await notifiedAbout(source)).toEqual([]);
  });

  it('changes nothing when the same events are drained again', async () => {
    await drainOutboxFully(h.runtime, notifications);
    const before = await storeCounts(h);
    await replayRules(h);
    await drainOutboxFully(h.runtime, notifications);
    expect(await storeCounts(h)).toEqual(before);
  });
});
