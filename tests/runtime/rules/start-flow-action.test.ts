/**
 * A rule's `start-flow` action on both databases: a screen-failure ticket makes an R&D task and starts
 * the R&D review flow on it — the task is in its first stage, owned by the stage's role, with its SLA
 * clock running. The ticket, which already runs its SOP, is skipped and the firing says so; a flow made
 * for another form is refused. Replaying the outbox changes nothing.
 */
import { describe, expect, it } from 'vitest';
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

/** A flow no form starts by itself: rules start it. */
const RD_REVIEW = {
  key: 'rd-review',
  title: { 'zh-CN': '研发评审', en: 'R&D review' },
  calendar: 'cn-2026',
  machine: {
    id: 'rd-review',
    initial: 'analyse',
    states: {
      analyse: {
        on: { ANALYSED: 'done' },
        meta: { label: { 'zh-CN': '分析', en: 'Analyse' }, owner: { role: 'rd-lead' }, sla: 'analyse-sla' },
      },
      done: { type: 'final', meta: { outcome: 'completed' } },
    },
  },
  sla: { policies: [{ key: 'analyse-sla', onPriorityChange: 'keep-elapsed', targets: [{ minutes: 2880 }] }] },
};

const RULE = ticketRule('screen-review', whenTicket('category', 'screen'), [
  {
    type: 'create-record',
    form: 'rd-task',
    map: { title: { var: 'record.detail' }, model: { var: 'record.model' } },
  },
  { type: 'start-flow', flow: 'rd-review' },
  { type: 'start-flow', flow: 'rd-review', target: 'record' },
  { type: 'start-flow', flow: 'ticket-sop', target: 'created' },
]);

describe.each(DIALECTS)('start-flow rule action on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  let lead: TestLogin;
  useRuleActionsApp(dialect, {
    parts: async (harness) => {
      lead = await createUserAndLogin(harness, { username: 'lee', roles: ['rd-lead'] });
      return { rules: [RULE], flows: [RD_REVIEW] };
    },
    ready: (harness, login) => {
      h = harness;
      admin = login;
    },
  });

  let source: { id: string };
  let task: string;

  it('starts the flow on the created record: first stage, its owner, its SLA clock', async () => {
    source = await submitTicket(h, admin, ticket({ category: 'screen' }));
    await drainRules(h);
    const [firing] = await firingsOf(h, admin, 'screen-review');
    task = firing!.created[0]!.id!;

    const record = await recordAsSeen(h, admin, task);
    expect(record).toMatchObject({
      form: 'rd-task',
      stage: 'analyse',
      assignee: lead.user.id,
      flow: { key: 'rd-review', version: 1, status: 'active' },
    });
    expect(record.events.map((e) => e.event)).toEqual(['ANALYSED']);
    expect(record.timeline.map((e) => [e.type, e.actor])).toEqual(
      expect.arrayContaining([
        ['stage.entered', 'rules'],
        ['record.assigned', 'rules'],
        ['sla.started', 'rules'],
      ]),
    );
    const sla = await h.request({ method: 'GET', url: `/api/records/${task}/sla`, headers: admin.headers });
    expect(sla.body.clocks).toEqual([expect.objectContaining({ clock: 'analyse-sla', state: 'running' })]);
  });

  it('skips a record that runs a flow already, and refuses a flow made for another form', async () => {
    const [firing] = await firingsOf(h, admin, 'screen-review');
    expect(firing!.created).toEqual([
      { type: 'create-record', id: task },
      { type: 'start-flow', id: task },
      { type: 'start-flow-skipped', id: source.id },
      {
        type: 'start-flow-refused',
        problems: ['the flow "ticket-sop" moves records of "ticket", not "rd-task"'],
      },
    ]);
    expect((await recordAsSeen(h, admin, source.id)).flow).toMatchObject({ key: 'ticket-sop' });
  });

  it('changes nothing when the same events are drained again', async () => {
    const before = await storeCounts(h);
    await replayRules(h);
    expect(await storeCounts(h)).toEqual(before);
    expect(await firingsOf(h, admin, 'screen-review')).toHaveLength(1);
  });
});
