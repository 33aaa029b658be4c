// @vitest-environment jsdom
/**
 * The property panel as a business user edits a field: label in zh-CN and en, key, required, help,
 * placeholder, options, bounds, pattern, default and the type's own settings end up in the field
 * definition the engine accepts; invalid keys, duplicate keys and other problems the engine finds are
 * shown on the property they concern.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../engine';
import { conditionFieldsFor } from '../../../designer/forms/condition-fields';
import { draftFromDefinition, type FieldProps } from '../../../designer/forms/form-draft-state';
import { placeIssues } from '../../../designer/forms/issue-paths';
import { PropertyPanel } from '../../../designer/forms/property-panel';
import { LocaleProvider } from '../../../designer/i18n/locale-context';

let current: FieldProps;

/** The panel over the first field of a form, with the engine's issues placed as the designer does. */
function Harness({ initial, others = [] }: { initial: FieldProps; others?: FieldProps[] }) {
  const [field, setField] = useState(initial);
  current = field;
  const form = { key: 'probe', fields: [field, ...others] };
  const draft = draftFromDefinition(form);
  const id = draft.nodes[0]?.id as string;
  const issues = placeIssues(draft.nodes, validateDefinition('form', form, { locale: 'en' })).get(id) ?? [];
  return (
    <LocaleProvider locale="en">
      <PropertyPanel
        field={field}
        issues={issues}
        conditionFields={conditionFieldsFor(draft.nodes, id)}
        onChange={(patch) =>
          setField((old) => {
            const next: Record<string, unknown> = { ...old };
            for (const [k, v] of Object.entries(patch)) {
              if (v === undefined) delete next[k];
              else next[k] = v;
            }
            return next as FieldProps;
          })
        }
      />
    </LocaleProvider>
  );
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const valid = (...fields: FieldProps[]) => validateDefinition('form', { key: 'probe', fields });

describe('property panel', () => {
  afterEach(cleanup);

  it('edits label, key, required, help, placeholder, length bounds, pattern and default of a text field', () => {
    render(
      <Harness
        initial={{ key: 'text1', type: 'text', label: { 'zh-CN': '单行文本', en: 'Single-line text' } }}
      />,
    );
    type('Label (中文)', '客户姓名');
    type('Label (English)', 'Customer name');
    type('Key', 'customerName');
    fireEvent.click(screen.getByLabelText('Required'));
    type('Help text (中文)', '请填写全名');
    type('Help text (English)', 'Full name, please');
    type('Placeholder (English)', 'e.g. Wang Wei');
    type('Minimum length', '2');
    type('Maximum length', '40');
    type('Pattern (regular expression)', '^[^0-9]+$');
    type('Default value', 'Anonymous');
    fireEvent.click(screen.getByLabelText('Index for reports'));
    expect(current).toEqual({
      key: 'customerName',
      type: 'text',
      label: { 'zh-CN': '客户姓名', en: 'Customer name' },
      required: true,
      help: { 'zh-CN': '请填写全名', en: 'Full name, please' },
      placeholder: { en: 'e.g. Wang Wei' },
      minLength: 2,
      maxLength: 40,
      pattern: '^[^0-9]+$',
      default: 'Anonymous',
      indexed: true,
    });
    expect(valid(current)).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();

    // Emptying both languages removes the label (an empty label is not a label).
    type('Label (中文)', '');
    type('Label (English)', '');
    expect(current.label).toBeUndefined();
    fireEvent.click(screen.getByLabelText('Required'));
    expect(current.required).toBeUndefined();
  });

  it('reports invalid keys at once and duplicate keys from the engine', () => {
    render(<Harness initial={{ key: 'name', type: 'text' }} others={[{ key: 'phone', type: 'phone' }]} />);
    const key = screen.getByLabelText('Key');
    type('Key', '1st name');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    const describedBy = key.getAttribute('aria-describedby') ?? '';
    const problem = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(problem).toContain('Start with a letter; use only letters, digits and _');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'Start with a letter; use only letters, digits and _ (at most 64 characters).',
    );

    type('Key', 'phone');
    expect(screen.getByRole('alert').textContent).toMatch(/Key "phone" is already used by another field/);
    type('Key', 'contactName');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(key.getAttribute('aria-invalid')).toBeNull();
  });

  it('edits the options of a choice field and shows a duplicate value on its option', () => {
    render(
      <Harness
        initial={{
          key: 'channel',
          type: 'radio',
          options: [{ value: 'option1', label: { en: 'Option 1' } }, { value: 'option2' }],
        }}
      />,
    );
    const option = (n: number) => within(screen.getByRole('group', { name: `Option ${n}` }));
    fireEvent.change(option(1).getByLabelText('Value'), { target: { value: 'phone' } });
    fireEvent.change(option(1).getByLabelText('Option 1 (中文)'), { target: { value: '电话' } });
    fireEvent.change(option(1).getByLabelText('Option 1 (English)'), { target: { value: 'Phone' } });
    fireEvent.change(option(2).getByLabelText('Value'), { target: { value: 'web' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add option' }));
    fireEvent.change(option(3).getByLabelText('Value'), { target: { value: 'store' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move option 3 up' }));
    expect(current.options).toEqual([
      { value: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
      { value: 'store' },
      { value: 'web' },
    ]);

    // The default is picked from the options.
    const defaults = within(screen.getByLabelText('Default value'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(defaults).toEqual(['(not set)', 'Phone', 'store', 'web']);
    type('Default value', 'web');
    expect(current.default).toBe('web');
    expect(valid(current)).toEqual([]);

    fireEvent.change(option(3).getByLabelText('Value'), { target: { value: 'phone' } });
    expect(option(3).getByRole('alert').textContent).toMatch(/Option value "phone" appears more than once/);
    expect(option(1).queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove option 3' }));
    expect(current.options).toEqual([
      { value: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
      { value: 'store' },
    ]);
    // The default no longer fits: the engine says so on the default.
    expect(screen.getByRole('alert').textContent).toMatch(/Default value does not fit/);
  });

  it('edits min / max of a number and shows the engine’s problems on them', () => {
    render(<Harness initial={{ key: 'hours', type: 'number' }} />);
    type('Minimum', '10');
    type('Maximum', '5');
    expect(current).toMatchObject({ minimum: 10, maximum: 5 });
    const maximum = screen.getByLabelText('Maximum');
    expect(maximum.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/maximum \(5\) is smaller than minimum \(10\)/);
    type('Maximum', '24');
    type('Unit', 'h');
    type('Default value', '8');
    expect(current).toEqual({
      key: 'hours',
      type: 'number',
      minimum: 10,
      maximum: 24,
      unit: 'h',
      default: 8,
    });
    expect(screen.getByRole('alert').textContent).toMatch(/Default value does not fit/);
    type('Minimum', '');
    expect(current.minimum).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an unusable pattern as the engine reports it', () => {
    render(<Harness initial={{ key: 'sn', type: 'serial' }} />);
    type('Pattern (regular expression)', '([A-Z]+');
    expect(screen.getByRole('alert').textContent).toMatch(/Not a valid regular expression/);
    type('Pattern (regular expression)', '(a+)+$');
    expect(screen.getByRole('alert').textContent).toMatch(/catastrophic backtracking/);
  });

  it('offers the settings the engine schema allows for each type', () => {
    render(<Harness initial={{ key: 'score', type: 'rating' }} />);
    // A rating's default is picked on its 1–5 scale; it has no length or pattern.
    const steps = within(screen.getByLabelText('Default value'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(steps).toEqual(['(not set)', '1', '2', '3', '4', '5']);
    type('Default value', '4');
    expect(current.default).toBe(4);
    expect(screen.queryByLabelText('Pattern (regular expression)')).toBeNull();
    expect(screen.queryByLabelText('Minimum length')).toBeNull();
    cleanup();

    render(<Harness initial={{ key: 'mobile', type: 'phone' }} />);
    const regions = within(screen.getByLabelText('Numbers accepted'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(regions).toEqual(['(not set)', 'Mainland China', 'International (E.164)', 'Either']);
    type('Numbers accepted', 'cn');
    expect(current.region).toBe('cn');
    cleanup();

    render(<Harness initial={{ key: 'photos', type: 'attachment' }} />);
    type('Maximum files', '3');
    const accept = screen.getByLabelText('Accepted file types');
    fireEvent.change(accept, { target: { value: 'image/*, application/pdf' } });
    fireEvent.blur(accept);
    expect(current).toEqual({
      key: 'photos',
      type: 'attachment',
      maxFiles: 3,
      accept: ['image/*', 'application/pdf'],
    });
    expect(screen.queryByLabelText('Default value')).toBeNull();
    cleanup();

    render(
      <Harness
        initial={{ key: 'tags', type: 'select', multiple: false, options: [{ value: 'a' }, { value: 'b' }] }}
      />,
    );
    fireEvent.click(screen.getByLabelText('Allow several'));
    fireEvent.click(screen.getByLabelText('b'));
    expect(current).toMatchObject({ multiple: true, default: ['b'] });
    expect(valid(current)).toEqual([]);
  });

  it('sets a visibility condition with the builder over the other fields', () => {
    render(
      <Harness
        initial={{ key: 'reason', type: 'textarea' }}
        others={[{ key: 'score', type: 'rating', label: { en: 'Score' } }]}
      />,
    );
    const builder = within(screen.getByRole('group', { name: 'Visible when' }));
    fireEvent.click(builder.getByRole('button', { name: '+ Add condition' }));
    expect(
      within(builder.getByLabelText('Field'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Score']);
    fireEvent.change(builder.getByLabelText('Operator'), { target: { value: 'lte' } });
    fireEvent.change(builder.getByLabelText('Value'), { target: { value: '2' } });
    expect(current.visibleWhen).toEqual({ '<=': [{ var: 'score' }, 2] });
    expect(valid(current, { key: 'score', type: 'rating' })).toEqual([]);
  });
});
