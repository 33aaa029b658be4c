// @vitest-environment jsdom
/** The stage panel's SLA table: editing cells, the default and the warnings rewrites the stage's policy. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../engine';
import { calendarChoices } from '../../../designer/flows/flow-check-context';
import {
  flowDraftReducer,
  initialDraftState,
  type FlowDraftState,
} from '../../../designer/flows/flow-draft-state';
import { placeIssues } from '../../../designer/flows/flow-issues';
import { formFieldOptions } from '../../../designer/flows/form-field-options';
import { slaDimensions } from '../../../designer/flows/sla-dimensions';
import { StagePanel } from '../../../designer/flows/stage-panel';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { ticketForm, ticketSop } from './tour-flow';

const fields = formFieldOptions(ticketForm());
let latest: FlowDraftState;

function Harness({ stage }: { stage: string }) {
  const [state, dispatch] = useReducer(flowDraftReducer, undefined, () =>
    initialDraftState(ticketSop(), 'LR'),
  );
  latest = state;
  const issues = placeIssues(state.doc, validateDefinition('flow', state.doc));
  return (
    <StagePanel
      doc={state.doc}
      stage={stage}
      issues={issues.stages.get(stage)}
      fields={fields}
      dimensions={slaDimensions(fields, state.doc.sla?.policies ?? [])}
      roles={[{ key: 'agent', title: { en: 'Agent', 'zh-CN': '客服' } }]}
      calendars={calendarChoices([])}
      dispatch={dispatch}
    />
  );
}

const policy = (key: string) => latest.doc.sla!.policies.find((p) => p.key === key)!;
const show = (stage: string, locale: 'en' | 'zh-CN' = 'en') =>
  render(
    <LocaleProvider locale={locale}>
      <Harness stage={stage} />
    </LocaleProvider>,
  );

describe('stage panel SLA table', () => {
  afterEach(cleanup);

  it('shows the accept targets as tier × priority cells over the default', () => {
    show('accept');
    const table = screen.getByRole('table', { name: /by customer tier × priority/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Tier \\ priority', 'Urgent', 'High', 'Normal', 'Low']);
    expect(screen.getByLabelText<HTMLInputElement>('Target for VIP · Urgent (minutes)').value).toBe('10');
    const standard = screen.getByLabelText<HTMLInputElement>('Target for Standard · Urgent (minutes)');
    expect(standard.value).toBe('');
    expect(standard.placeholder).toBe('15');
    expect(screen.getByLabelText<HTMLInputElement>('Default target (minutes)').value).toBe('15');
  });

  it('writes an edited cell into the policy’s targets, grouped with its equal neighbours', () => {
    show('accept');
    act(() => {
      fireEvent.change(screen.getByLabelText('Target for Key account · Urgent (minutes)'), {
        target: { value: '12' },
      });
    });
    act(() => {
      fireEvent.change(screen.getByLabelText('Target for Key account · High (minutes)'), {
        target: { value: '12' },
      });
    });
    expect(policy('accept-sla').targets).toEqual([
      { when: { tier: 'vip', priority: ['urgent', 'high'] }, minutes: 10 },
      { when: { tier: 'key', priority: ['urgent', 'high'] }, minutes: 12 },
      { minutes: 15 },
    ]);
    expect(latest.dirty).toBe(true);
    act(() => {
      fireEvent.change(screen.getByLabelText('Target for VIP · High (minutes)'), { target: { value: '' } });
    });
    expect(policy('accept-sla').targets[0]).toEqual({
      when: { tier: 'vip', priority: 'urgent' },
      minutes: 10,
    });
  });

  it('shows the missing-default problem in the panel until a default is set again', () => {
    show('follow_up');
    const byDefault = screen.getByLabelText('Default target (minutes)');
    act(() => {
      fireEvent.change(byDefault, { target: { value: '' } });
    });
    expect(screen.getByRole('alert').textContent).toContain('Must have at least 1 items');
    act(() => {
      fireEvent.change(screen.getByLabelText('Target for VIP · Urgent (minutes)'), {
        target: { value: '240' },
      });
    });
    expect(screen.getByRole('alert').textContent).toContain('must have no "when"');
    act(() => {
      fireEvent.change(byDefault, { target: { value: '1440' } });
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(policy('follow-up-sla').targets).toEqual([
      { when: { tier: 'vip', priority: 'urgent' }, minutes: 240 },
      { minutes: 1440 },
    ]);
  });

  it('edits warning fractions as percentages and the calendar of the clock', () => {
    show('diagnose');
    const warn = screen.getByLabelText('Warn at (% of the target)');
    expect((warn as HTMLInputElement).value).toBe('50, 80');
    act(() => {
      fireEvent.change(warn, { target: { value: '40, 75, 90' } });
      fireEvent.blur(warn);
    });
    expect(policy('diagnose-sla').warnAt).toEqual([0.4, 0.75, 0.9]);
    act(() => {
      fireEvent.change(screen.getByLabelText('Business calendar'), { target: { value: 'always-open' } });
    });
    expect(policy('diagnose-sla').calendar).toBe('always-open');
  });

  it('gives a stage without a clock one, in Chinese too', () => {
    show('waiting_customer', 'zh-CN');
    act(() => screen.getByRole('button', { name: '添加 SLA 时限' }).click());
    expect(latest.doc.machine.states.waiting_customer!.meta!.sla).toBe('waiting_customer-sla');
    expect(screen.getByRole('table', { name: /客户等级 × 优先级/ })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('默认时限（分钟）').value).toBe('60');
  });
});
