/**
 * A rule's `assign` action on both databases: to a role's next person (on the R&D task an earlier
 * action created), to a fixed user, or to the user a field names (on the triggering ticket). The owner
 * changes once, the timeline shows the assignment with a reason naming the rule, and the assignee gets
 * the usual assignment notification; replaying the outbox changes nothing. An empty field is refused
 * and recorded, and the ticket keeps the owner its flow gave it.
 */
import { describe, expect, it } from 'vitest';
import { drainOutboxFully } from '../../../runtime/outbox/drain-outbox';
import { createNotificationsConsumer } from '../../../runtime/notifications/notifications-consumer';
import { createUserAndLogin, type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  drainRules,
  firingsOf,
  recordAsSeen,
  replayRules,
  storeCounts,
  submitTicket,
  ticket,
  ticketRule,
  useRuleActionsApp,
  whenTicket,
} from './rule-actions-app';

const ENGINEER_FIELD = {
  key: 'onsiteEngineer',
  type: 'user',
  label: { 'zh-CN': '现场工程师', en: 'On-site engineer' },
};

function rules(fixedUser: string) {
  return [
    // Screen failures: an R&D task for the model, owned by the R&D lead role's next person.
    ticketRule('screen-to-rd', whenTicket('category', 'screen'), [
      {
        type: 'create-record',
        form: 'rd-task',
        map: { title: { var: 'record.detail' }, model: { var: 'record.model' } },
      },
      { type: 'assign', to: { role: 'rd-lead' } },
    ]),
    // VIP tickets go to a named senior manager.
    ticketRule('vip-to-senior', whenTicket('tier', 'vip'), [{ type: 'assign', to: { user: fixedUser } }]),
    // On-site tickets go to the engineer the form names.
    ticketRule('onsite-to-engineer', whenTicket('channel', 'onsite'), [
      { type: 'assign', to: { field: 'onsiteEngineer' } },
    ]),
  ];
}

describe.each(DIALECTS)('assign rule action on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let lead: TestLogin;
  let senior: TestLogin;
  let engineer: TestLogin;
  const notifications = createNotificationsConsumer({ email: false });

  const notificationsOf = async (who: TestLogin) => {
    await drainOutboxFully(h.runtime, notifications);
    const res = await h.request({ method: 'GET', url: '/api/notifications', headers: who.headers });
    expect(res.status).toBe(200);
    return res.body.items as { type: string; body: { recordId: string } }[];
  };
  const assignment = (record: Awaited<ReturnType<typeof recordAsSeen>>) =>
    record.timeline.filter((e) => e.type === 'record.assigned' && e.actor === 'rules');

  useRuleActionsApp(dialect, {
    parts: async (harness) => {
      lead = await createUserAndLogin(harness, { username: 'lee', roles: ['rd-lead'] });
      // The ticket SOP gives new tickets to the agent; the rules move them on.
      await createUserAndLogin(harness, { username: 'ann', roles: ['agent'] });
      senior = await createUserAndLogin(harness, { username: 'sue', roles: ['manager'] });
      engineer = await createUserAndLogin(harness, { username: 'eng', roles: ['field_engineer'] });
      return { rules: rules(senior.user.id), ticketFields: [ENGINEER_FIELD] };
    },
    ready: (harness, login) => {
      h = harness;
      admin = login;
    },
  });

  it('assigns the created record to the role’s next person, with the rule as the reason, and notifies them', async () => {
    const source = await submitTicket(h, admin, ticket({ category: 'screen' }));
    await drainRules(h);
    const [firing] = await firingsOf(h, admin, 'screen-to-rd');
    const task = firing!.created[0]!.id!;
    expect(firing!.created).toEqual([
      { type: 'create-record', id: task },
      { type: 'assign', id: task },
    ]);

    const record = await recordAsSeen(h, admin, task);
    expect(record).toMatchObject({ form: 'rd-task', assignee: lead.user.id });
    expect(assignment(record)).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          assignee: lead.user.id,
          previous: null,
          reason: 'Assigned by rule "screen-to-rd": role "rd-lead" (round-robin)',
          manual: false,
          rule: 'screen-to-rd',
        }),
      }),
    ]);
    // The ticket itself stays with its flow's owner.
    expect((await recordAsSeen(h, admin, source.id)).assignee).toBe(source.assignee);
    const told = await notificationsOf(lead);
    expect(told).toEqual([
      expect.objectContaining({ type: 'assigned', body: expect.objectContaining({ recordId: task }) }),
    ]);
  });

  it('assigns to a fixed user and to the user a field names', async () => {
    const vip = await submitTicket(h, admin, ticket({ tier: 'vip', category: 'noise' }));
    const onsite = await submitTicket(
      h,
      admin,
      ticket({ channel: 'onsite', category: 'noise', onsiteEngineer: engineer.user.id }),
    );
    await drainRules(h);

    const vipRecord = await recordAsSeen(h, admin, vip.id);
    expect(vip.assignee).not.toBe(senior.user.id);
    expect(vipRecord.assignee).toBe(senior.user.id);
    expect(assignment(vipRecord).map((e) => [e.payload.previous, e.payload.reason])).toEqual([
      [vip.assignee, 'Assigned by rule "vip-to-senior"'],
    ]);

    const onsiteRecord = await recordAsSeen(h, admin, onsite.id);
    expect(onsiteRecord.assignee).toBe(engineer.user.id);
    expect(assignment(onsiteRecord).map((e) => e.payload.reason)).toEqual([
      'Assigned by rule "onsite-to-engineer": the user in field "onsiteEngineer"',
    ]);
    expect((await notificationsOf(senior)).map((n) => n.body.recordId)).toEqual([vip.id]);
    expect((await notificationsOf(engineer)).map((n) => n.body.recordId)).toEqual([onsite.id]);
  });

  it('changes nothing when the same events are drained again', async () => {
    const before = await storeCounts(h);
    await replayRules(h);
    await drainOutboxFully(h.runtime, notifications);
    expect(await storeCounts(h)).toEqual(before);
  });

  it('refuses an empty field and records it; the ticket keeps its owner', async () => {
    const nobody = await submitTicket(h, admin, ticket({ channel: 'onsite', category: 'noise' }));
    await drainRules(h);
    const firing = (await firingsOf(h, admin, 'onsite-to-engineer')).find((f) => f.records[0] === nobody.id)!;
    expect(firing.created).toEqual([
      { type: 'assign-refused', problems: ['the field "onsiteEngineer" names no user'] },
    ]);
    const record = await recordAsSeen(h, admin, nobody.id);
    expect(record.assignee).toBe(nobody.assignee);
    expect(assignment(record)).toEqual([]);
  });
});
