/** The XState export: the machine config unchanged, loading with createMachine, delays listed for `.provide`. */
import { createMachine, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { editDoc } from '../../../designer/flows/flow-doc';
import { delayHints, loadSnippet, machineConfigJson } from '../../../designer/flows/xstate-export';
import { ticketSop } from './tour-flow';

describe('XState export', () => {
  it('is the machine config as JSON, and createMachine runs it', () => {
    const flow = ticketSop();
    const config = JSON.parse(machineConfigJson(flow)) as Parameters<typeof createMachine>[0];
    expect(config).toEqual(flow.machine);
    const machine = createMachine(config).provide({ guards: { hasCategory: () => true } });
    const [start] = initialTransition(machine);
    expect(start.value).toBe('accept');
    const [next] = transition(machine, start, { type: 'ACCEPT' });
    expect(next.value).toBe('diagnose');
  });

  it('lists the delays of after transitions in milliseconds for .provide({ delays })', () => {
    const flow = editDoc(ticketSop(), (d) => {
      d.delays = { noReply: { minutes: 1440, business: true } };
      d.machine.states.waiting_customer!.after = { noReply: 'cancelled' };
    });
    expect(delayHints(flow)).toEqual([{ name: 'noReply', minutes: 1440, business: true, ms: 86_400_000 }]);
    expect(loadSnippet(flow, 'ticket-sop.xstate.json')).toContain('"noReply": 86400000');
    const machine = createMachine(
      JSON.parse(machineConfigJson(flow)) as Parameters<typeof createMachine>[0],
    ).provide({
      delays: { noReply: 86_400_000 },
    });
    expect(Object.keys(machine.states)).toContain('waiting_customer');
  });
});
