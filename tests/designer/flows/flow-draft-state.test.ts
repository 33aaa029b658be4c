/** The flow designer's reducer: each edit a process owner makes, and what it does to the definition. */
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../engine';
import {
  flowDraftReducer,
  initialDraftState,
  type FlowDraftAction,
  type FlowDraftState,
} from '../../../designer/flows/flow-draft-state';
import { ticketSop } from './tour-flow';

const LABEL = { 'zh-CN': '新阶段', en: 'New stage' };

function run(...actions: FlowDraftAction[]): FlowDraftState {
  return actions.reduce(flowDraftReducer, initialDraftState(ticketSop(), 'LR'));
}

describe('flow draft state', () => {
  it('starts laid out, clean and with nothing selected', () => {
    const s = run();
    expect(Object.keys(s.positions).sort()).toEqual(Object.keys(s.doc.machine.states).sort());
    expect(s).toMatchObject({ dirty: false, selection: null, direction: 'LR' });
  });

  it('moves a stage without touching the definition', () => {
    const before = run();
    const s = flowDraftReducer(before, { type: 'move-stage', stage: 'plan', position: { x: 5, y: 6 } });
    expect(s.positions.plan).toEqual({ x: 5, y: 6 });
    expect(s.doc).toBe(before.doc);
    expect(s.dirty).toBe(false);
  });

  it('adds a stage, selects it and places it; then connects it both ways', () => {
    const added = run({ type: 'add-stage', label: LABEL });
    expect(added.selection).toEqual({ kind: 'stage', stage: 'stage' });
    expect(added.doc.machine.states.stage).toEqual({ meta: { label: LABEL } });
    expect(added.positions.stage).toBeDefined();
    expect(added.dirty).toBe(true);

    const steps: FlowDraftAction[] = [
      { type: 'add-transition', source: 'plan', target: 'stage' },
      { type: 'add-transition', source: 'stage', target: 'execute' },
    ];
    const s = steps.reduce(flowDraftReducer, added);
    expect(s.doc.machine.states.plan!.on!.TO_STAGE).toBe('stage');
    expect(s.doc.machine.states.stage!.on).toEqual({ TO_EXECUTE: 'execute' });
    expect(s.selection).toEqual({ kind: 'transition', id: '/machine/states/stage/on/TO_EXECUTE' });
    expect(validateDefinition('flow', s.doc)).toEqual([]);
  });

  it('does not add a transition out of a final stage', () => {
    const before = run();
    expect(flowDraftReducer(before, { type: 'add-transition', source: 'closed', target: 'accept' })).toBe(
      before,
    );
  });

  it('gives two transitions to the same stage different events', () => {
    const s = run(
      { type: 'add-transition', source: 'plan', target: 'closed' },
      { type: 'add-transition', source: 'plan', target: 'closed' },
    );
    expect(Object.keys(s.doc.machine.states.plan!.on!)).toEqual(['PLANNED', 'TO_CLOSED', 'TO_CLOSED_2']);
  });

  it('renames an event in place and follows it with the selection; refuses a taken or bad name', () => {
    const id = '/machine/states/diagnose/on/WAIT_CUSTOMER';
    const s = run({ type: 'rename-event', id, event: 'ASK_CUSTOMER' });
    expect(Object.keys(s.doc.machine.states.diagnose!.on!)).toEqual(['DIAGNOSED', 'ASK_CUSTOMER']);
    expect(s.selection).toEqual({ kind: 'transition', id: '/machine/states/diagnose/on/ASK_CUSTOMER' });
    expect(
      flowDraftReducer(s, {
        type: 'rename-event',
        id: '/machine/states/diagnose/on/ASK_CUSTOMER',
        event: 'DIAGNOSED',
      }).doc,
    ).toBe(s.doc);
    expect(
      flowDraftReducer(s, {
        type: 'rename-event',
        id: '/machine/states/diagnose/on/DIAGNOSED',
        event: '1 bad',
      }).doc,
    ).toBe(s.doc);
  });

  it('sets roles and button text of a transition, writing the shorthand back when they go', () => {
    const id = '/machine/states/follow_up/on/CLOSE';
    const s = run({
      type: 'update-transition',
      id,
      patch: { roles: ['agent'], label: { 'zh-CN': '关闭', en: '' } },
    });
    expect(s.doc.machine.states.follow_up!.on!.CLOSE).toEqual({
      target: 'closed',
      meta: { roles: ['agent'], label: { 'zh-CN': '关闭' } },
    });
    const back = flowDraftReducer(s, {
      type: 'update-transition',
      id,
      patch: { roles: [], label: undefined },
    });
    expect(back.doc.machine.states.follow_up!.on!.CLOSE).toBe('closed');
  });

  it('gives a transition a named guard, edits it in place, and drops it when removed', () => {
    const id = '/machine/states/plan/on/PLANNED';
    const logic = { '==': [{ var: 'data.complexity' }, 'low'] };
    const s = run({ type: 'set-guard', id, logic });
    expect(s.doc.machine.states.plan!.on!.PLANNED).toMatchObject({
      target: 'execute',
      guard: 'plan_PLANNED',
    });
    expect(s.doc.guards!.plan_PLANNED).toEqual(logic);
    const edited = flowDraftReducer(s, { type: 'set-guard', id, logic: true });
    expect(edited.doc.guards!.plan_PLANNED).toBe(true);
    const removed = flowDraftReducer(edited, { type: 'set-guard', id, logic: undefined });
    expect(removed.doc.machine.states.plan!.on!.PLANNED).toEqual({
      target: 'execute',
      actions: ['notifyCustomer'],
    });
    expect(removed.doc.guards).not.toHaveProperty('plan_PLANNED');
    expect(removed.doc.guards).toHaveProperty('hasCategory');
  });

  it('edits an existing named guard rather than making a new one', () => {
    const s = run({
      type: 'set-guard',
      id: '/machine/states/accept/on/ACCEPT',
      logic: { '!': [{ var: 'data.detail' }] },
    });
    expect(s.doc.guards!.hasCategory).toEqual({ '!': [{ var: 'data.detail' }] });
    expect(Object.keys(s.doc.guards!)).toEqual(['hasCategory', 'isVerified']);
  });

  it('deletes a transition and selects its stage', () => {
    const s = run({ type: 'delete-transition', id: '/machine/states/execute/on/VERIFIED' });
    expect(Object.keys(s.doc.machine.states.execute!.on!)).toEqual(['WAIT_CUSTOMER']);
    expect(s.doc.guards).not.toHaveProperty('isVerified');
    expect(s.selection).toEqual({ kind: 'stage', stage: 'execute' });
  });

  it('deletes a stage with the transitions into it and its own SLA policy', () => {
    const s = run(
      { type: 'select', selection: { kind: 'stage', stage: 'waiting_customer' } },
      { type: 'delete-stage', stage: 'plan' },
    );
    expect(s.doc.machine.states).not.toHaveProperty('plan');
    expect(s.doc.machine.states.diagnose!.on).toEqual({ WAIT_CUSTOMER: 'waiting_customer' });
    expect(s.doc.sla!.policies.map((p) => p.key)).not.toContain('plan-sla');
    expect(s.positions).not.toHaveProperty('plan');
    expect(s.selection).toEqual({ kind: 'stage', stage: 'waiting_customer' });
    // The spanning policy forgets it too.
    expect(s.doc.sla!.policies.find((p) => p.key === 'resolution-sla')!.stages).not.toContain('plan');
  });

  it('renames a stage and every reference to it', () => {
    const s = run({ type: 'rename-stage', stage: 'diagnose', to: 'triage' });
    expect(Object.keys(s.doc.machine.states)[1]).toBe('triage');
    expect(s.doc.machine.states.accept!.on!.ACCEPT).toMatchObject({ target: 'triage' });
    expect(s.doc.machine.states.waiting_customer!.on!.CUSTOMER_REPLIED).toBe('triage');
    expect(s.doc.sla!.policies.find((p) => p.key === 'resolution-sla')!.stages).toContain('triage');
    expect(s.positions).toHaveProperty('triage');
    expect(s.selection).toEqual({ kind: 'stage', stage: 'triage' });
    expect(validateDefinition('flow', s.doc)).toEqual([]);
    const renamedInitial = flowDraftReducer(s, { type: 'rename-stage', stage: 'accept', to: 'intake' });
    expect(renamedInitial.doc.machine.initial).toBe('intake');
    expect(flowDraftReducer(s, { type: 'rename-stage', stage: 'plan', to: 'closed' })).toBe(s);
  });

  it('edits stage meta: owner, waiting, required fields; final and initial roles', () => {
    const s = run(
      {
        type: 'stage-meta',
        stage: 'plan',
        patch: { owner: { role: 'manager', strategy: 'skills' }, waiting: true },
      },
      { type: 'stage-meta', stage: 'plan', patch: { requiredFields: undefined } },
      { type: 'set-final', stage: 'follow_up', final: true },
      { type: 'set-initial', stage: 'diagnose' },
    );
    expect(s.doc.machine.states.plan!.meta).toMatchObject({
      owner: { role: 'manager', strategy: 'skills' },
      waiting: true,
    });
    expect(s.doc.machine.states.plan!.meta).not.toHaveProperty('requiredFields');
    expect(s.doc.machine.states.follow_up).toMatchObject({ type: 'final', meta: { outcome: 'completed' } });
    expect(s.doc.machine.initial).toBe('diagnose');
    const back = flowDraftReducer(s, { type: 'set-final', stage: 'follow_up', final: false });
    expect(back.doc.machine.states.follow_up).not.toHaveProperty('type');
    expect(back.doc.machine.states.follow_up!.meta).not.toHaveProperty('outcome');
  });

  it('gives a stage its own SLA policy, edits it and takes it away', () => {
    const s = run(
      { type: 'add-policy', stage: 'waiting_customer', title: { en: 'Wait within' } },
      {
        type: 'update-policy',
        policy: 'waiting_customer-sla',
        patch: { calendar: 'always-open', warnAt: [0.75] },
      },
    );
    expect(s.doc.machine.states.waiting_customer!.meta!.sla).toBe('waiting_customer-sla');
    expect(s.doc.sla!.policies.at(-1)).toEqual({
      key: 'waiting_customer-sla',
      title: { en: 'Wait within' },
      onPriorityChange: 'restart',
      warnAt: [0.75],
      targets: [{ minutes: 60 }],
      calendar: 'always-open',
    });
    expect(validateDefinition('flow', s.doc)).toEqual([]);
    const gone = flowDraftReducer(s, {
      type: 'remove-policy',
      stage: 'waiting_customer',
      policy: 'waiting_customer-sla',
    });
    expect(gone.doc.machine.states.waiting_customer!.meta).not.toHaveProperty('sla');
    expect(gone.doc.sla!.policies.map((p) => p.key)).not.toContain('waiting_customer-sla');
  });

  it('edits the flow header, relays out, and is clean again once exactly this draft is saved', () => {
    const s = run(
      { type: 'update-flow', patch: { calendar: 'always-open', form: '' } },
      { type: 'layout', direction: 'TB' },
    );
    expect(s.doc.calendar).toBe('always-open');
    expect(s.doc).not.toHaveProperty('form');
    expect(s.direction).toBe('TB');
    const stale = flowDraftReducer(s, { type: 'saved', doc: ticketSop() });
    expect(stale.dirty).toBe(true);
    expect(flowDraftReducer(s, { type: 'saved', doc: s.doc }).dirty).toBe(false);
  });
});
