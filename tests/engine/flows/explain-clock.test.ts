/** Explaining a clock from the snapshot, the read-only views, and `can`. */
import { describe, expect, it } from 'vitest';
import { createFlow, explainClock } from '../../../engine/flows';
import { calendarsFor, fixtureFlow } from './flow-test-kit';

const def = fixtureFlow('ticket-sop.flow.json');
const flow = createFlow(def, { calendars: calendarsFor(def, 'cn-2026') });
const at = (iso: string) => new Date(iso);

function pausedAndResumed() {
  let s = flow.start(
    { data: { category: 'fault' }, tier: 'standard', priority: 'normal' },
    at('2026-03-02T01:20:00Z'),
  ).snapshot;
  for (const [type, when, extra] of [
    ['ACCEPT', '2026-03-02T01:30:00Z', {}],
    ['WAIT_CUSTOMER', '2026-03-02T02:00:00Z', {}],
    ['CUSTOMER_REPLIED', '2026-03-02T06:00:00Z', {}],
    ['priority.changed', '2026-03-02T06:10:00Z', { tier: 'vip', priority: 'urgent' }],
    ['DIAGNOSED', '2026-03-02T06:20:00Z', { data: { severity: 'minor' } }],
  ] as const) {
    const r = flow.send(s, { type, ...extra }, at(when));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    s = JSON.parse(JSON.stringify(r.snapshot));
  }
  return s;
}

describe('explainClock', () => {
  it('tells the whole story of a clock: started, paused, resumed, re-targeted, warned, stopped, with times and elapsed', () => {
    const explained = explainClock(pausedAndResumed(), 'diagnose-sla');
    expect(explained?.runs).toHaveLength(1);
    expect(explained?.history.map((h) => [h.event, h.at, h.businessElapsedMinutes])).toEqual([
      ['started', '2026-03-02T01:30:00.000Z', 0],
      ['paused', '2026-03-02T02:00:00.000Z', 30],
      ['resumed', '2026-03-02T06:00:00.000Z', 30],
      ['retargeted', '2026-03-02T06:10:00.000Z', 40],
      // restart: 50 % of the new 60 minutes is already behind, and was never warned under 120.
      ['warning', '2026-03-02T06:10:00.000Z', 40],
      ['met', '2026-03-02T06:20:00.000Z', 50],
    ]);
    const retargeted = explained?.history[3];
    expect(retargeted).toMatchObject({
      previousTargetMinutes: 120,
      targetMinutes: 60,
      mode: 'restart',
      due: '2026-03-02T06:30:00.000Z',
    });
    expect(explained?.runs[0]).toMatchObject({
      status: 'stopped',
      outcome: 'met',
      pausedBusinessMinutes: 150,
      pausedWallMinutes: 240,
    });
  });

  it('is undefined for a clock that never ran', () => {
    expect(explainClock(pausedAndResumed(), 'execute-sla')).toBeUndefined();
  });
});

describe('views and can', () => {
  it('lists the stages with owners, required fields and the clocks that run or pause in them', () => {
    const stages = flow.stages();
    expect(stages.map((s) => s.key)).toEqual([
      'accept',
      'diagnose',
      'waiting_customer',
      'plan',
      'execute',
      'follow_up',
      'closed',
      'cancelled',
    ]);
    expect(stages[0]).toMatchObject({
      key: 'accept',
      requiredFields: ['category'],
      owner: { role: 'agent' },
      clocks: ['accept-sla', 'resolution-sla'],
    });
    expect(stages[2]).toMatchObject({
      waiting: true,
      clocks: [],
      pausedClocks: expect.arrayContaining(['diagnose-sla', 'resolution-sla']),
    });
    expect(stages[6]).toMatchObject({ final: true, events: [] });
  });

  it('says which events the current stage offers and whether one would be accepted now', () => {
    const { snapshot } = flow.start({ data: {}, tier: 'key' }, at('2026-03-02T01:00:00Z'));
    expect(flow.events(snapshot)).toEqual([
      { event: 'ACCEPT', target: 'diagnose', guard: 'hasCategory', roles: ['agent'] },
      { event: 'CANCEL', target: 'cancelled', roles: ['agent', 'manager'] },
    ]);
    expect(flow.can(snapshot, { type: 'ACCEPT' })).toBe(false);
    expect(flow.can(snapshot, { type: 'ACCEPT', data: { category: 'fault' } })).toBe(true);
    expect(flow.can(snapshot, { type: 'ACCEPT', data: { category: 'fault' } }, { roles: ['engineer'] })).toBe(
      false,
    );
  });

  it('refuses a snapshot of another flow instead of throwing', () => {
    const { snapshot } = flow.start({ data: {} }, at('2026-03-02T01:00:00Z'));
    const result = flow.send({ ...snapshot, flow: 'other' }, { type: 'CANCEL' }, at('2026-03-02T01:01:00Z'));
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid-snapshot',
      issues: [{ code: 'invalid-snapshot' }],
    });
  });

  it('reads live clocks at any instant without changing the snapshot', () => {
    const { snapshot } = flow.start({ data: {}, tier: 'standard' }, at('2026-03-02T03:50:00Z'));
    // 11:50 → 13:40 Shanghai: 10 business minutes before lunch, 10 after.
    const [accept] = flow.clocks(snapshot, at('2026-03-02T05:40:00Z'));
    expect(accept).toMatchObject({
      clock: 'accept-sla',
      businessElapsedMinutes: 20,
      wallElapsedMinutes: 110,
      remainingBusinessMinutes: -5,
    });
  });
});
