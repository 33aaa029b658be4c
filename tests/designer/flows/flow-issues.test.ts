/** Issues placed where the process owner will look for them: on the stage or transition they concern. */
import { describe, expect, it } from 'vitest';
import { bundleContext, validateDefinition, type AppBundle } from '../../../engine';
import { editDoc, type FlowDoc } from '../../../designer/flows/flow-doc';
import { addStage } from '../../../designer/flows/draft-stage-ops';
import { mergeIssues, placeIssue, placeIssues } from '../../../designer/flows/flow-issues';
import { ticketSop, tourBundle } from './tour-flow';

const context = bundleContext(tourBundle() as unknown as AppBundle);
const check = (doc: FlowDoc) => validateDefinition('flow', doc, { context });

describe('placing flow issues', () => {
  it('finds nothing to place in the ticket SOP', () => {
    expect(check(ticketSop())).toEqual([]);
  });

  it('puts an unreachable, dead-end new stage on that stage', () => {
    const { doc, stage } = addStage(ticketSop(), { 'zh-CN': '新阶段', en: 'New stage' });
    const placed = placeIssues(doc, check(doc));
    expect(
      placed.stages
        .get(stage)
        ?.map((i) => i.code)
        .sort(),
    ).toEqual(['dead-end-stage', 'unreachable-stage']);
    expect(placed.flow).toEqual([]);
    expect(placed.transitions.size).toBe(0);
  });

  it('puts a wrong target on its transition, also inside a list of guarded alternatives', () => {
    const doc = editDoc(ticketSop(), (d) => {
      d.machine.states.accept!.on!.ACCEPT = [
        { target: 'diagnose', guard: 'hasCategory' },
        { target: 'nowhere' },
      ];
    });
    const placed = placeIssues(doc, check(doc));
    expect([...placed.transitions.keys()]).toEqual(['/machine/states/accept/on/ACCEPT/1']);
    expect(placed.transitions.get('/machine/states/accept/on/ACCEPT/1')![0]!.code).toBe('unknown-stage');
  });

  it('puts a guard problem on every transition using the guard', () => {
    const doc = editDoc(ticketSop(), (d) => {
      d.guards!.hasCategory = { '!!': [{ var: 'data.nonsense' }] };
      d.machine.states.diagnose!.on!.DIAGNOSED = { target: 'plan', guard: 'hasCategory' };
    });
    const placed = placeIssues(doc, check(doc));
    expect([...placed.transitions.keys()].sort()).toEqual([
      '/machine/states/accept/on/ACCEPT',
      '/machine/states/diagnose/on/DIAGNOSED',
    ]);
    expect(placed.transitions.get('/machine/states/accept/on/ACCEPT')![0]!.code).toBe('unknown-guard-field');
  });

  it('puts a missing default SLA target and a bad warning fraction on the stage owning the policy', () => {
    const doc = editDoc(ticketSop(), (d) => {
      const policy = d.sla!.policies.find((p) => p.key === 'accept-sla')!;
      policy.targets = policy.targets.filter((t) => t.when !== undefined);
      policy.warnAt = [0.5, 1.2];
    });
    const placed = placeIssues(doc, check(doc));
    expect(
      placed.stages
        .get('accept')
        ?.map((i) => i.code)
        .sort(),
    ).toEqual(['policy-without-default', 'warn-fraction-out-of-range']);
  });

  it('keeps problems of a policy spanning stages, of the form and of the whole graph with the flow', () => {
    const doc = editDoc(ticketSop(), (d) => {
      d.sla!.policies.find((p) => p.key === 'resolution-sla')!.warnAt = [0.8, 0.5];
      d.form = 'no-such-form';
      delete d.machine.states.closed!.type;
      delete d.machine.states.cancelled!.type;
    });
    const placed = placeIssues(doc, check(doc));
    expect(placed.flow.map((i) => i.code)).toEqual(
      expect.arrayContaining(['warn-fractions-unsorted', 'unknown-form', 'no-final-stage']),
    );
  });

  it('puts a required field the form lacks, and a schema error inside a transition, where they are', () => {
    const doc = editDoc(ticketSop(), (d) => {
      d.machine.states.plan!.meta!.requiredFields = ['solution', 'nothing'];
      d.machine.states.follow_up!.on!.CLOSE = { target: 'closed', meta: { roles: ['Not A Role'] } };
    });
    const structural = check(doc);
    expect(placeIssues(doc, structural).transitions.has('/machine/states/follow_up/on/CLOSE')).toBe(true);
    const fixed = editDoc(doc, (d) => {
      d.machine.states.follow_up!.on!.CLOSE = 'closed';
    });
    expect(placeIssues(fixed, check(fixed)).stages.get('plan')?.[0]?.code).toBe('unknown-required-field');
  });

  it('places an issue about a stage that no longer exists on the flow, and survives a bad pointer', () => {
    const doc = ticketSop();
    expect(placeIssue(doc, '/machine/states/gone/on/X')).toEqual({ stages: [], transitions: [] });
    expect(placeIssue(doc, 'not a pointer')).toEqual({ stages: [], transitions: [] });
    expect(placeIssue(doc, '/delays/noReply')).toEqual({ stages: [], transitions: [] });
  });

  it('merges engine and server issues once each', () => {
    const a = { code: 'x', path: '/a', message: 'A' };
    const b = { code: 'y', path: '/a', message: 'B' };
    expect(mergeIssues([a, b], [{ ...a, message: 'A from the server' }])).toEqual([a, b]);
  });
});
