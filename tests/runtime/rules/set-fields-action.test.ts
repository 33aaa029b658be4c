/**
 * A rule's `set-fields` action on both databases: a VIP ticket's priority is raised to urgent once —
 * the record shows the value, the next revision and a `record.updated` by `rules` in its timeline —
 * and replaying the outbox changes nothing. A value the form refuses is recorded in the firing as
 * `set-fields-refused`, the record keeps its data, and later events are still processed.
 */
import { describe, expect, it } from 'vitest';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
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

/** VIP tickets become urgent — except web tickets, where the rule's value is not an option. */
const VIP_URGENT = ticketRule('vip-urgent', whenTicket('tier', 'vip'), [
  {
    type: 'set-fields',
    values: { priority: { if: [{ '==': [{ var: 'record.channel' }, 'web'] }, 'asap', 'urgent'] } },
  },
]);

describe.each(DIALECTS)('set-fields rule action on %s', (dialect) => {
  let h: Harness;
  let admin: TestLogin;
  useRuleActionsApp(dialect, {
    parts: () => ({ rules: [VIP_URGENT] }),
    ready: (harness, login) => {
      h = harness;
      admin = login;
    },
  });

  let raised: string;

  it('sets the field once: new value, next revision, and the update in the timeline', async () => {
    raised = (await submitTicket(h, admin, ticket({ tier: 'vip' }))).id;
    await submitTicket(h, admin, ticket({ tier: 'standard' })); // the condition does not hold
    await drainRules(h);

    const record = await recordAsSeen(h, admin, raised);
    expect(record.data.priority).toBe('urgent');
    expect(record.revision).toBe(2);
    const updates = record.timeline.filter((e) => e.type === 'record.updated');
    expect(updates).toEqual([
      expect.objectContaining({
        actor: 'rules',
        payload: expect.objectContaining({
          revision: 2,
          changes: [{ field: 'priority', before: 'normal', after: 'urgent' }],
        }),
      }),
    ]);
    expect(await firingsOf(h, admin, 'vip-urgent')).toEqual([
      expect.objectContaining({ records: [raised], created: [{ type: 'set-fields', id: raised }] }),
    ]);
  });

  it('changes nothing when the same events are drained again', async () => {
    const before = await storeCounts(h);
    await replayRules(h);
    expect(await storeCounts(h)).toEqual(before);
    const record = await recordAsSeen(h, admin, raised);
    expect(record.revision).toBe(2);
    expect(await firingsOf(h, admin, 'vip-urgent')).toHaveLength(1);
  });

  it('records a refusal for a value the form refuses and goes on with later events', async () => {
    const refused = (await submitTicket(h, admin, ticket({ tier: 'vip', channel: 'web' }))).id;
    const later = (await submitTicket(h, admin, ticket({ tier: 'vip', channel: 'wechat' }))).id;
    await drainRules(h);

    const untouched = await recordAsSeen(h, admin, refused);
    expect(untouched.revision).toBe(1);
    expect(untouched.data.priority).toBe('normal');
    expect(untouched.timeline.some((e) => e.type === 'record.updated')).toBe(false);

    const firings = await firingsOf(h, admin, 'vip-urgent');
    const refusal = firings.find((f) => f.records[0] === refused)!;
    expect(refusal.created).toEqual([
      { type: 'set-fields-refused', problems: [expect.stringMatching(/^\/priority /)] },
    ]);

    expect((await recordAsSeen(h, admin, later)).data.priority).toBe('urgent');
    expect(firings.find((f) => f.records[0] === later)!.created).toEqual([{ type: 'set-fields', id: later }]);
  });
});
