/**
 * Delayed (`after`) transitions beyond what the scenarios show: the definition is a real XState
 * `after`, the pending timers live in the snapshot, and timer events that are forged, malformed or
 * from an older snapshot shape do no harm.
 */
import { createMachine, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  AFTER_TIMER_EVENT,
  createFlow,
  type FlowSnapshot,
  type ScheduleTimerEffect,
} from '../../../engine/flows';
import { editDocument } from '../../helpers/edit-document';
import { calendarsFor, fixtureFlow } from './flow-test-kit';

const def = fixtureFlow('auto-close.flow.json');
const flow = createFlow(def, { calendars: calendarsFor(def, 'cn-2026') });
const at = (iso: string) => new Date(iso);
const roundTrip = (s: FlowSnapshot) => JSON.parse(JSON.stringify(s)) as FlowSnapshot;

/** Waiting for the customer since Friday 2026-04-03 15:00 Shanghai. */
function waiting() {
  let s = flow.start({ data: {} }, at('2026-04-03T01:00:00Z')).snapshot;
  for (const [type, when] of [
    ['ACCEPT', '2026-04-03T05:30:00Z'],
    ['WAIT_CUSTOMER', '2026-04-03T07:00:00Z'],
  ] as const) {
    const r = flow.send(s, { type }, at(when));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    s = roundTrip(r.snapshot);
  }
  return s;
}

const timerEvent = {
  type: AFTER_TIMER_EVENT,
  stage: 'waiting_customer',
  delay: 'noReply',
  timer: 'after:waiting_customer:3:noReply',
};

describe('delayed transitions', () => {
  it('are plain XState `after` transitions: with the delays provided, XState raises and cancels them itself', () => {
    const machine = createMachine(
      structuredClone(def.machine) as Parameters<typeof createMachine>[0],
    ).provide({
      delays: { noReply: 1350 * 60_000, remindAfter24h: 1440 * 60_000 },
    });
    const [start] = initialTransition(machine);
    const [diagnose] = transition(machine, start, { type: 'ACCEPT' });
    const [wait, entered] = transition(machine, diagnose, { type: 'WAIT_CUSTOMER' });
    expect(entered).toContainEqual(
      expect.objectContaining({
        type: 'xstate.raise',
        params: expect.objectContaining({ delay: 1350 * 60_000 }),
      }),
    );
    const [, left] = transition(machine, wait, { type: 'CUSTOMER_REPLIED' });
    expect(left).toContainEqual(expect.objectContaining({ type: 'xstate.cancel' }));
  });

  it('keep their pending timer in the snapshot, as plain JSON, and offer no event to people', () => {
    const s = waiting();
    expect(s.after).toEqual({
      entries: 3,
      timers: [
        {
          id: 'after:waiting_customer:3:noReply',
          stage: 'waiting_customer',
          delay: 'noReply',
          due: '2026-04-09T07:00:00.000Z',
        },
      ],
    });
    expect(flow.events(s).map((e) => e.event)).toEqual(['CUSTOMER_REPLIED', 'CANCEL']);
  });

  it('ignore a timer event naming another stage, delay or timer, or lacking fields', () => {
    const s = waiting();
    const now = at('2026-04-10T00:00:00Z');
    for (const event of [
      { ...timerEvent, stage: 'diagnose' },
      { ...timerEvent, delay: 'remindAfter24h' },
      { ...timerEvent, timer: 'after:waiting_customer:2:noReply' },
      { type: AFTER_TIMER_EVENT },
    ]) {
      expect(flow.send(s, event, now)).toEqual({
        ok: true,
        snapshot: s,
        effects: [],
        ignored: 'stale-timer',
      });
    }
    expect(flow.send(s, timerEvent, now)).toMatchObject({ ok: true, snapshot: { stage: 'closed' } });
  });

  it('step a snapshot saved before delayed transitions existed (no `after` part)', () => {
    const { after: _after, ...old } = flow.start({ data: {} }, at('2026-04-03T01:00:00Z')).snapshot;
    const accepted = flow.send(old, { type: 'ACCEPT' }, at('2026-04-03T05:30:00Z'));
    expect(accepted.ok).toBe(true);
    const waited = flow.send(accepted.snapshot, { type: 'WAIT_CUSTOMER' }, at('2026-04-03T07:00:00Z'));
    expect(waited.ok && waited.effects).toContainEqual(
      expect.objectContaining({ type: 'schedule-timer', due: '2026-04-09T07:00:00.000Z' }),
    );
  });

  it('are taken without the stage’s required fields: nobody is there to fill them', () => {
    const closing = editDocument(def, {
      set: { '/machine/states/follow_up/after/remindAfter24h': { target: 'closed' } },
    });
    const f = createFlow(closing, { calendars: calendarsFor(closing, 'cn-2026') });
    let s = f.start({ data: {} }, at('2026-04-07T01:00:00Z')).snapshot;
    s = (f.send(s, { type: 'ACCEPT' }, at('2026-04-07T01:10:00Z')) as { snapshot: FlowSnapshot }).snapshot;
    const resolved = f.send(s, { type: 'RESOLVED' }, at('2026-04-07T02:00:00Z'));
    if (!resolved.ok) throw new Error('RESOLVED refused');
    expect(f.can(resolved.snapshot, { type: 'CLOSE' })).toBe(false);
    const timer = resolved.effects.find(
      (e): e is ScheduleTimerEffect => e.type === 'schedule-timer' && e.id.startsWith('after:'),
    );
    const fired = f.send(roundTrip(resolved.snapshot), timer!.event, at(timer!.due));
    expect(fired).toMatchObject({ ok: true, snapshot: { stage: 'closed', status: 'done' } });
  });

  it('need their business calendar at construction, like SLA policies', () => {
    const elsewhere = editDocument(def, { set: { '/delays/noReply/calendar': 'mars-2026' } });
    expect(() => createFlow(elsewhere)).toThrow(/delay "noReply" needs calendar "mars-2026"/);
  });
});
