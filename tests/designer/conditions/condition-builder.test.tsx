// @vitest-environment jsdom
/**
 * The condition builder as a form designer uses it: comparisons chosen per field type write the
 * expected JSON-Logic (AND / OR groups, text, numbers, ratings, choices, ticks, dates), the written
 * logic behaves as intended under the engine's evaluateExpression, existing logic reads back into the
 * visual form, and logic it cannot show is kept and shown read-only.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkExpression,
  evaluateExpression,
  isTruthy,
  listFormFields,
  type FormDefinition,
} from '../../../engine';
import { ConditionBuilder, type ConditionField } from '../../../designer/conditions/condition-builder';
import { LocaleProvider } from '../../../designer/i18n/locale-context';

const form = {
  key: 'feedback',
  fields: [
    { key: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '姓名' } },
    { key: 'score', type: 'rating', label: { en: 'Score' } },
    { key: 'hours', type: 'number', label: { en: 'Hours' } },
    {
      key: 'channel',
      type: 'radio',
      label: { en: 'Channel' },
      options: [{ value: 'phone', label: { en: 'By phone' } }, { value: 'web' }, { value: 'store' }],
    },
    {
      key: 'symptoms',
      type: 'select',
      multiple: true,
      label: { en: 'Symptoms' },
      options: [{ value: 'noise' }, { value: 'leak' }, { value: 'dead' }],
    },
    { key: 'consent', type: 'checkbox', label: { en: 'Consent' } },
    { key: 'bought', type: 'date', label: { en: 'Bought on' } },
  ],
} as unknown as FormDefinition;

const labels = new Map(form.fields.map((f) => [f.key, f.label]));
const optionLabels = { phone: { en: 'By phone' } };
const FIELDS: ConditionField[] = listFormFields(form).map((f) => ({
  ...f,
  label: labels.get(f.key),
  ...(f.key === 'channel' ? { optionLabels } : {}),
}));

function Harness({
  initial,
  onChange,
  prefix,
}: {
  initial?: unknown;
  onChange(v: unknown): void;
  prefix?: string;
}) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <LocaleProvider locale="en">
      <ConditionBuilder
        fields={FIELDS}
        value={value}
        varPrefix={prefix}
        label="Visible when"
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </LocaleProvider>
  );
}

function setup(initial?: unknown, prefix?: string) {
  const onChange = vi.fn();
  render(<Harness initial={initial} onChange={onChange} prefix={prefix} />);
  const last = () => onChange.mock.calls.at(-1)?.[0];
  return { onChange, last };
}

const rule = (name: string) => within(screen.getByRole('group', { name }));
const pick = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

function addRule(field: string, operator: string, n: string) {
  fireEvent.click(screen.getAllByRole('button', { name: '+ Add condition' })[0] as HTMLElement);
  const row = rule(`Condition ${n}`);
  pick(row.getByLabelText('Field'), field);
  pick(row.getByLabelText('Operator'), operator);
  return row;
}

const holds = (logic: unknown, data: Record<string, unknown>) => isTruthy(evaluateExpression(logic, data));

describe('condition builder', () => {
  afterEach(cleanup);

  it('starts as "always" and writes a text comparison', () => {
    const { last } = setup();
    expect(screen.getByRole('group', { name: 'Visible when' })).toBeTruthy();
    expect(screen.getByText('Always — no condition set.')).toBeTruthy();
    const row = addRule('name', 'eq', '1');
    fireEvent.change(row.getByLabelText('Value'), { target: { value: 'Wang' } });
    expect(last()).toEqual({ '==': [{ var: 'name' }, 'Wang'] });
    expect(holds(last(), { name: 'Wang' })).toBe(true);
    expect(holds(last(), { name: 'Li' })).toBe(false);

    pick(row.getByLabelText('Operator'), 'contains');
    fireEvent.change(row.getByLabelText('Value'), { target: { value: 'an' } });
    expect(last()).toEqual({ contains: [{ var: 'name' }, 'an'] });
    expect(holds(last(), { name: 'Wang' })).toBe(true);

    pick(row.getByLabelText('Operator'), 'empty');
    expect(last()).toEqual({ '!': [{ var: 'name' }] });
    expect(holds(last(), {})).toBe(true);
    expect(holds(last(), { name: '' })).toBe(true);
    expect(holds(last(), { name: 'x' })).toBe(false);
  });

  it('writes AND and OR groups, nested, that evaluate as intended', () => {
    const { last } = setup();
    const first = addRule('score', 'gte', '1');
    pick(first.getByLabelText('Value'), '4');
    const second = addRule('channel', 'eq', '2');
    pick(second.getByLabelText('Value'), 'web');
    expect(last()).toEqual({
      and: [{ '>=': [{ var: 'score' }, 4] }, { '==': [{ var: 'channel' }, 'web'] }],
    });
    expect(holds(last(), { score: 5, channel: 'web' })).toBe(true);
    expect(holds(last(), { score: 5, channel: 'phone' })).toBe(false);

    pick(screen.getAllByLabelText('Combine with')[0] as HTMLElement, 'or');
    expect(Object.keys(last() as object)).toEqual(['or']);
    expect(holds(last(), { score: 5, channel: 'phone' })).toBe(true);
    expect(holds(last(), { score: 2, channel: 'phone' })).toBe(false);

    // score ≥ 4 OR channel = web OR (consent ticked AND hours > 2)
    fireEvent.click(screen.getByRole('button', { name: '+ Add group' }));
    const group = rule('Group 3');
    const inner = within(group.getByRole('group', { name: 'Condition 3.1' }));
    pick(inner.getByLabelText('Field'), 'consent');
    fireEvent.click(group.getByRole('button', { name: '+ Add condition' }));
    const inner2 = within(group.getByRole('group', { name: 'Condition 3.2' }));
    pick(inner2.getByLabelText('Field'), 'hours');
    pick(inner2.getByLabelText('Operator'), 'gt');
    fireEvent.change(inner2.getByLabelText('Value'), { target: { value: '2' } });
    expect(last()).toEqual({
      or: [
        { '>=': [{ var: 'score' }, 4] },
        { '==': [{ var: 'channel' }, 'web'] },
        { and: [{ '==': [{ var: 'consent' }, true] }, { '>': [{ var: 'hours' }, 2] }] },
      ],
    });
    expect(checkExpression(last())).toEqual([]);
    expect(holds(last(), { score: 1, channel: 'phone', consent: true, hours: 3 })).toBe(true);
    expect(holds(last(), { score: 1, channel: 'phone', consent: true, hours: 1 })).toBe(false);
    expect(holds(last(), { score: 1, channel: 'phone', hours: 3 })).toBe(false);
  });

  it('offers operators that fit each field type', () => {
    setup();
    const operators = (field: string) => {
      const row = addRule(field, '', '1');
      const values = within(row.getByLabelText('Operator'))
        .getAllByRole('option')
        .map((o) => (o as HTMLOptionElement).value);
      fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));
      return values;
    };
    expect(operators('name')).toEqual(['eq', 'neq', 'contains', 'empty', 'notEmpty']);
    expect(operators('hours')).toEqual([
      'eq',
      'neq',
      'gt',
      'gte',
      'lt',
      'lte',
      'between',
      'empty',
      'notEmpty',
    ]);
    expect(operators('score')).toEqual([
      'eq',
      'neq',
      'gt',
      'gte',
      'lt',
      'lte',
      'between',
      'empty',
      'notEmpty',
    ]);
    expect(operators('channel')).toEqual(['eq', 'neq', 'anyOf', 'empty', 'notEmpty']);
    expect(operators('symptoms')).toEqual(['contains', 'anyOf', 'empty', 'notEmpty']);
    expect(operators('consent')).toEqual(['checked', 'unchecked']);
    expect(operators('bought')).toEqual(['before', 'after', 'eq', 'between', 'empty', 'notEmpty']);
  });

  it('enters values with inputs that fit the field', () => {
    const { last } = setup();
    // A rating is chosen on its 1–5 scale.
    const score = addRule('score', 'between', '1');
    const scale = within(score.getByLabelText('Value'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(scale.slice(1)).toEqual(['1', '2', '3', '4', '5']);
    pick(score.getByLabelText('Value'), '2');
    pick(score.getByLabelText('Value 2'), '4');
    expect(last()).toEqual({ between: [{ var: 'score' }, 2, 4] });
    expect(holds(last(), { score: 3 })).toBe(true);
    expect(holds(last(), { score: 5 })).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));
    expect(last()).toBeUndefined();

    // Choices are picked from the field's options, shown by their labels.
    const channel = addRule('channel', 'eq', '1');
    const options = within(channel.getByLabelText('Value'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Choose…', 'By phone', 'web', 'store']);
    pick(channel.getByLabelText('Operator'), 'anyOf');
    fireEvent.click(channel.getByLabelText('web'));
    fireEvent.click(channel.getByLabelText('store'));
    expect(last()).toEqual({ in: [{ var: 'channel' }, ['phone', 'web', 'store']] });
    fireEvent.click(channel.getByLabelText('By phone'));
    expect(last()).toEqual({ in: [{ var: 'channel' }, ['web', 'store']] });
    expect(holds(last(), { channel: 'store' })).toBe(true);
    expect(holds(last(), { channel: 'phone' })).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));

    // A multi-select matches when any chosen value is in the list.
    const symptoms = addRule('symptoms', 'anyOf', '1');
    fireEvent.click(symptoms.getByLabelText('leak'));
    fireEvent.click(symptoms.getByLabelText('dead'));
    expect(last()).toEqual({ some: [{ var: 'symptoms' }, { in: [{ var: '' }, ['leak', 'dead']] }] });
    expect(checkExpression(last())).toEqual([]);
    expect(holds(last(), { symptoms: ['noise', 'dead'] })).toBe(true);
    expect(holds(last(), { symptoms: ['noise'] })).toBe(false);
    expect(holds(last(), {})).toBe(false);
    pick(symptoms.getByLabelText('Operator'), 'contains');
    pick(symptoms.getByLabelText('Value'), 'noise');
    expect(last()).toEqual({ contains: [{ var: 'symptoms' }, 'noise'] });
    expect(holds(last(), { symptoms: ['noise'] })).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));

    // Ticks and dates.
    const consent = addRule('consent', 'unchecked', '1');
    expect(consent.queryByLabelText('Value')).toBeNull();
    expect(last()).toEqual({ '!=': [{ var: 'consent' }, true] });
    expect(holds(last(), {})).toBe(true);
    expect(holds(last(), { consent: true })).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));

    const bought = addRule('bought', 'before', '1');
    expect((bought.getByLabelText('Value') as HTMLInputElement).type).toBe('date');
    fireEvent.change(bought.getByLabelText('Value'), { target: { value: '2026-03-01' } });
    expect(last()).toEqual({ date_before: [{ var: 'bought' }, '2026-03-01'] });
    expect(holds(last(), { bought: '2026-02-27' })).toBe(true);
    expect(holds(last(), { bought: '2026-03-02' })).toBe(false);

    // Numbers are written as numbers; an empty number is "is empty", not zero.
    pick(bought.getByLabelText('Field'), 'hours');
    pick(bought.getByLabelText('Operator'), 'empty');
    expect(last()).toEqual({ '==': [{ var: 'hours' }, null] });
    expect(holds(last(), { hours: 0 })).toBe(false);
    expect(holds(last(), {})).toBe(true);
  });

  it('reads existing logic back into the visual form', () => {
    const logic = {
      or: [
        { '==': [{ var: 'channel' }, 'phone'] },
        { and: [{ '>=': [{ var: 'score' }, 4] }, { '!!': [{ var: 'name' }] }] },
      ],
    };
    const { last } = setup(logic);
    expect((screen.getAllByLabelText('Combine with')[0] as HTMLSelectElement).value).toBe('or');
    const first = rule('Condition 1');
    expect((first.getByLabelText('Field') as HTMLSelectElement).value).toBe('channel');
    expect((first.getByLabelText('Operator') as HTMLSelectElement).value).toBe('eq');
    expect((first.getByLabelText('Operator') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'is',
    );
    expect((first.getByLabelText('Value') as HTMLSelectElement).value).toBe('phone');
    const nested = rule('Condition 2.1');
    expect((nested.getByLabelText('Field') as HTMLSelectElement).value).toBe('score');
    expect((nested.getByLabelText('Value') as HTMLSelectElement).value).toBe('4');
    expect((rule('Condition 2.2').getByLabelText('Operator') as HTMLSelectElement).value).toBe('notEmpty');

    // An edit writes the whole condition again, unchanged apart from the edit.
    pick(nested.getByLabelText('Value'), '5');
    expect(last()).toEqual({
      or: [
        { '==': [{ var: 'channel' }, 'phone'] },
        { and: [{ '>=': [{ var: 'score' }, 5] }, { '!!': [{ var: 'name' }] }] },
      ],
    });
  });

  it('round-trips every operator it writes', () => {
    const conditions = [
      { '!=': [{ var: 'name' }, 'x'] },
      { '<': [{ var: 'hours' }, 3] },
      { '<=': [{ var: 'score' }, 2] },
      { '!=': [{ var: 'hours' }, null] },
      { in: [{ var: 'channel' }, ['web']] },
      { '==': [{ var: 'consent' }, true] },
      { date_after: [{ var: 'bought' }, '2026-01-01'] },
      { between: [{ var: 'bought' }, '2026-01-01', '2026-02-01'] },
    ];
    for (const logic of conditions) {
      const { last } = setup(logic);
      expect(screen.queryByText(/too complex/)).toBeNull();
      // Re-selecting the operator writes the logic anew from the visual form.
      const operator = rule('Condition 1').getByLabelText('Operator') as HTMLSelectElement;
      const current = operator.value;
      pick(operator, current === 'eq' ? 'neq' : 'eq');
      pick(operator, current);
      expect(last()).toEqual(logic);
      cleanup();
    }
  });

  it('keeps logic it cannot show, read-only, and can start over', () => {
    const logic = { '>': [{ '+': [{ var: 'hours' }, 1] }, 3] };
    const { last, onChange } = setup(logic);
    expect(screen.getByText(/too complex to show visually/)).toBeTruthy();
    expect(JSON.parse(screen.getByLabelText('JSON-Logic').textContent ?? '')).toEqual(logic);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Replace with a new condition' }));
    expect(last()).toBeUndefined();
    expect(screen.getByText('Always — no condition set.')).toBeTruthy();
  });

  it('does not show a comparison the field type does not offer as something else', () => {
    setup({ '>': [{ var: 'name' }, 3] });
    expect(screen.getByText(/too complex to show visually/)).toBeTruthy();
  });

  it('writes and reads variables with a prefix (rule conditions read `record.`)', () => {
    const { last } = setup({ '==': [{ var: 'record.channel' }, 'web'] }, 'record.');
    expect((rule('Condition 1').getByLabelText('Field') as HTMLSelectElement).value).toBe('channel');
    const row = addRule('score', 'gt', '2');
    pick(row.getByLabelText('Value'), '3');
    expect(last()).toEqual({
      and: [{ '==': [{ var: 'record.channel' }, 'web'] }, { '>': [{ var: 'record.score' }, 3] }],
    });
    expect(holds(last(), { record: { channel: 'web', score: 4 } })).toBe(true);
  });
});
