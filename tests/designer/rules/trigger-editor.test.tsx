// @vitest-environment jsdom
/**
 * The trigger picker: record created / updated, a stage of the form's flow entered, SLA warning /
 * breach (any stage or one), or a schedule at a wall time; the rule's trigger follows each choice.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleDefinition } from '../../../engine';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { newRule, ruleReducer } from '../../../designer/rules/rule-draft';
import { TriggerEditor } from '../../../designer/rules/trigger-editor';
import type { RuleDefinitions } from '../../../designer/rules/use-rule-definitions';

const definitions: RuleDefinitions = {
  forms: [
    { key: 'ticket', title: { en: 'Ticket' }, latestVersion: 1, hasDraft: false },
    { key: 'rd-task', title: { en: 'R&D task' }, latestVersion: 1, hasDraft: false },
  ],
  flows: [
    {
      key: 'ticket-sop',
      title: { en: 'Ticket SOP' },
      form: 'ticket',
      stages: ['accept', 'diagnose', 'closed'],
    },
    { key: 'task-flow', title: { en: 'Task flow' }, form: 'rd-task', stages: ['open'] },
  ],
  fields: new Map(),
  infos: new Map(),
  stages: new Map(),
};

let latest: RuleDefinition;
function Harness() {
  const [rule, dispatch] = useReducer(ruleReducer, newRule('r', { en: 'R' }, 'ticket'));
  latest = rule;
  return (
    <LocaleProvider locale="en">
      <TriggerEditor trigger={rule.trigger} definitions={definitions} issues={[]} dispatch={dispatch} />
    </LocaleProvider>
  );
}

afterEach(cleanup);

describe('trigger editor', () => {
  it('picks a stage from the form’s flow', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Trigger'), { target: { value: 'stage.entered' } });
    const flow = screen.getByLabelText('Flow') as HTMLSelectElement;
    expect([...flow.options].map((o) => o.value)).toEqual(['', 'ticket-sop']);
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'diagnose' } });
    expect(latest.trigger).toEqual({
      type: 'stage.entered',
      form: 'ticket',
      flow: 'ticket-sop',
      stage: 'diagnose',
    });
  });

  it('lets an SLA breach trigger watch any stage', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Trigger'), { target: { value: 'sla.breach' } });
    expect(latest.trigger).toEqual({ type: 'sla.breach', form: 'ticket' });
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'accept' } });
    expect(latest.trigger).toEqual({
      type: 'sla.breach',
      form: 'ticket',
      flow: 'ticket-sop',
      stage: 'accept',
    });
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: '' } });
    expect(latest.trigger).toEqual({ type: 'sla.breach', form: 'ticket', flow: 'ticket-sop' });
  });

  it('schedules every week at a time, and changes the form', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Trigger'), { target: { value: 'schedule' } });
    fireEvent.change(screen.getByLabelText('Every'), { target: { value: 'week' } });
    fireEvent.change(screen.getByLabelText('At (rule time zone)'), { target: { value: '08:30' } });
    fireEvent.change(screen.getByLabelText('Form'), { target: { value: 'rd-task' } });
    expect(latest.trigger).toEqual({
      type: 'schedule',
      form: 'rd-task',
      schedule: { every: 'week', at: '08:30' },
    });
  });
});
