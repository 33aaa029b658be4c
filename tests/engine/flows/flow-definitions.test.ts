/** The flow meta-schema and semantic checks, over the fixture flows and the invalid cases in `invalid-definitions.json`. */
import { createMachine, initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { checkFlowDefinition, flowDefinitionSchema, type FlowDefinition } from '../../../engine/flows';
import { editDocument } from '../../helpers/edit-document';
import { fixtureFlow, fixtureFlows, invalidDefinitions, ticketContext } from './flow-test-kit';

describe('fixture flows', () => {
  it('are found', () => {
    expect([...fixtureFlows.keys()]).toEqual(
      expect.arrayContaining(['ticket-sop.flow.json', 'retarget.flow.json', 'auto-close.flow.json']),
    );
  });

  for (const [file, def] of fixtureFlows) {
    it(`${file} passes the meta-schema and the checks`, () => {
      expect(schemaIssues(flowDefinitionSchema, def)).toEqual([]);
      expect(checkFlowDefinition(def, ticketContext, 'en')).toEqual([]);
    });

    it(`${file} loads unchanged as a plain XState machine`, () => {
      const machine = createMachine(structuredClone(def.machine) as Parameters<typeof createMachine>[0]);
      const [snapshot] = initialTransition(machine);
      expect(snapshot.value).toBe(def.machine.initial);
      expect(Object.keys(machine.states)).toEqual(Object.keys(def.machine.states));
    });
  }
});

describe('invalid flow definitions', () => {
  for (const c of invalidDefinitions) {
    it(c.name, () => {
      const doc = editDocument(fixtureFlow(c.base), { set: c.set, unset: c.unset ?? [] });
      const schema = schemaIssues(flowDefinitionSchema, doc);
      if (c.schema) {
        for (const issue of c.issues) expect(schema).toContainEqual(expect.objectContaining(issue));
        return;
      }
      expect(schema, 'the case is meant to pass the meta-schema').toEqual([]);
      const issues = checkFlowDefinition(doc, ticketContext, 'en');
      for (const issue of c.issues) {
        expect(issues, JSON.stringify(issues, null, 1)).toContainEqual(
          expect.objectContaining(matcher(issue)),
        );
      }
      // Nothing beyond what the case names: each problem is reported once, where it is.
      expect(issues).toHaveLength(c.issues.length);
    });
  }

  it('messages come in both languages', () => {
    const doc = editDocument(fixtureFlow('ticket-sop.flow.json'), {
      set: { '/machine/states/accept/on/ACCEPT/target': 'nowhere' },
    });
    const [zh] = checkFlowDefinition(doc, ticketContext, 'zh-CN');
    const [en] = checkFlowDefinition(doc, ticketContext, 'en');
    expect(zh?.message).toBe('未知阶段“nowhere”');
    expect(en?.message).toBe('Unknown stage "nowhere"');
  });

  it('without a context, references outside the flow are not checked', () => {
    const doc = editDocument(fixtureFlow('ticket-sop.flow.json'), {
      set: { '/form': 'no-such-form', '/calendar': 'no-such-calendar' },
    });
    expect(checkFlowDefinition(doc, undefined, 'en')).toEqual([]);
  });
});

function matcher(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'object' && v !== null && !Array.isArray(v) ? expect.objectContaining(v) : v,
    ]),
  );
}
