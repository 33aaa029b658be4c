/**
 * A rule's `set-fields` action writing to another record, on both databases: a survey's answer lands
 * on the ticket whose id the survey holds and on that ticket's client (a second hop), each as the next
 * revision with the update and an entry naming the rule in its timeline; a replay writes nothing again.
 * A survey without a ticket id, with an unknown id or the id of a record of another form, a ticket
 * without a client, and a value the ticket's form refuses are each recorded on the firing as
 * `set-fields-refused` with the reason, and the records stay as they were. The dry run shows which
 * record each action would write to.
 */
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../runtime/http/openapi/build-openapi';
import type { Harness, TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { responseChecker } from '../http/openapi-response-check';
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

const label = (en: string) => ({ 'zh-CN': en, en });

const SURVEY = {
  key: 'survey',
  title: label('Survey'),
  fields: [
    { key: 'ticket', type: 'text', label: label('Ticket') },
    { key: 'csat', type: 'integer', label: label('CSAT'), required: true, minimum: 1, maximum: 10 },
  ],
};

const CLIENT = {
  key: 'client',
  title: label('Client'),
  fields: [
    { key: 'name', type: 'text', label: label('Name'), required: true },
    { key: 'lastCsat', type: 'integer', label: label('Last CSAT') },
  ],
};

/** The ticket keeps the survey's answer (1–5 only) and the id of its client record. */
const TICKET_FIELDS = [
  { key: 'surveyCsat', type: 'integer', label: label('Survey CSAT'), minimum: 1, maximum: 5 },
  { key: 'clientRef', type: 'text', label: label('Client record') },
];

const RULE = {
  key: 'survey-writeback',
  title: label('Survey answers to the ticket and its client'),
  enabled: true,
  timezone: 'Asia/Shanghai',
  trigger: { type: 'record.created', form: 'survey' },
  actions: [
    {
      type: 'set-fields',
      record: { via: ['ticket'], form: 'ticket' },
      values: { surveyCsat: { var: 'record.csat' } },
    },
    {
      type: 'set-fields',
      record: { via: ['ticket', 'clientRef'], through: 'ticket', form: 'client' },
      values: { lastCsat: { var: 'record.csat' } },
    },
  ],
};

async function submit(h: Harness, who: TestLogin, form: string, data: Record<string, unknown>) {
  const res = await h.request({
    method: 'POST',
    url: `/api/forms/${form}/records`,
    headers: who.headers,
    payload: { data },
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

describe.each(DIALECTS)('set-fields on a linked record on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  useRuleActionsApp(dialect, {
    parts: () => ({ rules: [RULE], forms: [SURVEY, CLIENT], ticketFields: TICKET_FIELDS }),
    ready: (harness, login) => {
      h = harness;
      admin = login;
    },
  });

  let ticketId: string;
  let clientId: string;
  let surveyId: string;

  const firingFor = async (survey: string) =>
    (await firingsOf(h, admin, 'survey-writeback')).find((f) => f.records[0] === survey)!;

  it('writes the answer to the ticket and to its client, naming the rule in both timelines', async () => {
    clientId = await submit(h, admin, 'client', { name: 'Acme' });
    ticketId = (await submitTicket(h, admin, ticket({ clientRef: clientId }))).id;
    surveyId = await submit(h, admin, 'survey', { ticket: ticketId, csat: 4 });
    await drainRules(h);

    const onTicket = await recordAsSeen(h, admin, ticketId);
    expect(onTicket.data.surveyCsat).toBe(4);
    expect(onTicket.revision).toBe(2);
    expect(onTicket.timeline.filter((e) => e.type === 'record.updated')).toEqual([
      expect.objectContaining({
        actor: 'rules',
        payload: expect.objectContaining({ changes: [{ field: 'surveyCsat', before: null, after: 4 }] }),
      }),
    ]);
    expect(onTicket.timeline.filter((e) => e.type === 'rule.set-fields')).toEqual([
      expect.objectContaining({
        actor: 'rules',
        payload: expect.objectContaining({
          rule: 'survey-writeback',
          fields: ['surveyCsat'],
          from: surveyId,
        }),
      }),
    ]);

    const onClient = await recordAsSeen(h, admin, clientId);
    expect(onClient.data).toMatchObject({ name: 'Acme', lastCsat: 4 });
    expect(onClient.revision).toBe(2);
    expect(onClient.timeline.some((e) => e.type === 'rule.set-fields')).toBe(true);

    expect((await firingFor(surveyId)).created).toEqual([
      { type: 'set-fields', id: ticketId },
      { type: 'set-fields', id: clientId },
    ]);
  });

  it('writes nothing again when the same events are drained again', async () => {
    const before = await storeCounts(h);
    await replayRules(h);
    expect(await storeCounts(h)).toEqual(before);
    expect((await recordAsSeen(h, admin, ticketId)).revision).toBe(2);
    expect((await recordAsSeen(h, admin, clientId)).revision).toBe(2);
  });

  it('refuses, with the reason on the firing, a survey naming no ticket, an unknown one or a client', async () => {
    const none = await submit(h, admin, 'survey', { csat: 3 });
    const unknown = await submit(h, admin, 'survey', { ticket: 'no-such-ticket', csat: 3 });
    const wrongForm = await submit(h, admin, 'survey', { ticket: clientId, csat: 3 });
    await drainRules(h);

    expect((await firingFor(none)).created).toEqual([
      { type: 'set-fields-refused', problems: ['no record id in field "ticket" of the triggering record'] },
      { type: 'set-fields-refused', problems: ['no record id in field "ticket" of the triggering record'] },
    ]);
    expect((await firingFor(unknown)).created[0]).toEqual({
      type: 'set-fields-refused',
      problems: ['record "no-such-ticket" (field "ticket") not found'],
    });
    expect((await firingFor(wrongForm)).created).toEqual([
      {
        type: 'set-fields-refused',
        problems: [`wrong form: record "${clientId}" (field "ticket") is a "client" record, not "ticket"`],
      },
      {
        type: 'set-fields-refused',
        problems: [`wrong form: record "${clientId}" (field "ticket") is a "client" record, not "ticket"`],
      },
    ]);
    const client = await recordAsSeen(h, admin, clientId);
    expect(client.revision).toBe(2);
    expect(client.data.lastCsat).toBe(4);
  });

  it('refuses a value the ticket form refuses, and a ticket without a client, leaving both as they were', async () => {
    const lonely = (await submitTicket(h, admin, ticket())).id;
    const tooHigh = await submit(h, admin, 'survey', { ticket: ticketId, csat: 9 });
    const noClient = await submit(h, admin, 'survey', { ticket: lonely, csat: 5 });
    await drainRules(h);

    expect((await firingFor(tooHigh)).created).toEqual([
      { type: 'set-fields-refused', problems: [expect.stringMatching(/^\/surveyCsat /)] },
      // The client's own form takes any whole number: that write is independent of the ticket's.
      { type: 'set-fields', id: clientId },
    ]);
    const unchanged = await recordAsSeen(h, admin, ticketId);
    expect(unchanged.revision).toBe(2);
    expect(unchanged.data.surveyCsat).toBe(4);

    expect((await firingFor(noClient)).created).toEqual([
      { type: 'set-fields', id: lonely },
      {
        type: 'set-fields-refused',
        problems: [`no record id in field "clientRef" of record "${lonely}"`],
      },
    ]);
    expect((await recordAsSeen(h, admin, lonely)).data.surveyCsat).toBe(5);
  });

  it('shows in the dry run which record each action would write to, or why none', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/rules/survey-writeback/dry-run',
      headers: admin.headers,
      payload: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00' },
    });
    expect(res.status).toBe(200);
    // The answer is the one the API description declares, linked targets and what was found included.
    const check = responseChecker(buildOpenApi()).check(
      'POST',
      '/api/rules/survey-writeback/dry-run',
      200,
      res.body,
    );
    expect(check.errors).toEqual([]);
    const firings = res.body.firings as {
      records: string[];
      actions: { target: Record<string, unknown> }[];
    }[];
    const first = firings.find((f) => f.records.includes(surveyId))!;
    expect(first.actions.map((a) => a.target)).toEqual([
      { kind: 'linked', id: ticketId, hops: [{ field: 'ticket', form: 'ticket' }], writesTo: ticketId },
      {
        kind: 'linked',
        id: ticketId,
        hops: [
          { field: 'ticket', form: 'ticket' },
          { field: 'clientRef', form: 'client' },
        ],
        writesTo: clientId,
      },
    ]);
    const unknown = firings.find((f) => f.actions[0]?.target.id === 'no-such-ticket')!;
    expect(unknown.actions[0]!.target.refused).toBe('record "no-such-ticket" (field "ticket") not found');
  });
});
