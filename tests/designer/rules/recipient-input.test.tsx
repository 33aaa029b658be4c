// @vitest-environment jsdom
/**
 * The recipient picker of assign / notify actions: a fixed user is picked by name from the people the
 * runtime lists and stored by id (an id that is no longer listed stays visible rather than silently
 * changing), a role is typed with the roles people hold offered as suggestions, and "the owner from a
 * reference form" is built from a form, its user field and match rows against this record's fields.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Recipient } from '../../../engine/rules/rule-definition.schema';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { RecipientInput } from '../../../designer/rules/recipient-input';
import type { LabelledField } from '../../../designer/rules/rule-fields';

const PEOPLE = [
  { id: 'u-li', username: 'li.lei', displayName: '李雷', roles: ['rd-lead'], team: null, active: true },
  { id: 'u-han', username: 'han', displayName: null, roles: ['agent', 'manager'], team: null, active: true },
  { id: 'u-gone', username: 'gone', displayName: 'Gone', roles: ['agent'], team: null, active: false },
];

const FORMS = [
  {
    key: 'product-line',
    title: { 'zh-CN': '产品线', en: 'Product line' },
    latestVersion: 1,
    hasDraft: false,
  },
  { key: 'region', title: null, latestVersion: 1, hasDraft: false },
];
const FORM_FIELDS = new Map<string, LabelledField[]>([
  [
    'product-line',
    [
      { key: 'line', type: 'text', numeric: false, label: { 'zh-CN': '产品线', en: 'Line' } },
      { key: 'note', type: 'text', numeric: false },
      { key: 'owner', type: 'user', numeric: false, label: { 'zh-CN': '负责人', en: 'Owner' } },
      { key: 'deputies', type: 'user', numeric: false, multiple: true },
    ],
  ],
  [
    'region',
    [
      { key: 'name', type: 'text', numeric: false },
      { key: 'manager', type: 'user', numeric: false },
    ],
  ],
]);
/** The fields of the record the action reads. */
const RECORD_FIELDS: LabelledField[] = [
  { key: 'model', type: 'select', numeric: false, label: { 'zh-CN': '型号', en: 'Model' } },
  { key: 'title', type: 'text', numeric: false },
];

let latest: Recipient;
function Harness({ initial }: { initial: Recipient }) {
  const [value, setValue] = useState<Recipient>(initial);
  latest = value;
  return (
    <LocaleProvider locale="en">
      <RecipientInput
        value={value}
        fields={RECORD_FIELDS}
        forms={FORMS}
        formFields={FORM_FIELDS}
        label="Assign to"
        onChange={setValue}
      />
    </LocaleProvider>
  );
}

const select = (name: string) => screen.getByLabelText(name) as HTMLSelectElement;
const optionTexts = (picker: HTMLSelectElement) => [...picker.options].map((o) => o.textContent);

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ items: PEOPLE })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('recipient picker', () => {
  it('offers the active people by name and stores the picked user by id', async () => {
    render(<Harness initial={{ user: '' }} />);
    const picker = screen.getByLabelText('Assign to: Who: value') as HTMLSelectElement;
    await screen.findByRole('option', { name: '李雷 (li.lei)' });
    const names = [...picker.options].map((o) => o.textContent);
    expect(names).toEqual(['Pick a person', '李雷 (li.lei)', 'han']);
    fireEvent.change(picker, { target: { value: 'u-li' } });
    expect(latest).toEqual({ user: 'u-li' });
  });

  it('keeps showing a stored user id the runtime no longer lists', async () => {
    render(<Harness initial={{ user: 'u-unknown' }} />);
    await screen.findByRole('option', { name: '李雷 (li.lei)' });
    const picker = screen.getByLabelText('Assign to: Who: value') as HTMLSelectElement;
    expect(picker.value).toBe('u-unknown');
    expect(latest).toEqual({ user: 'u-unknown' });
  });

  it('suggests the roles people hold for a role recipient, and still takes a typed one', async () => {
    render(<Harness initial={{ role: '' }} />);
    const input = screen.getByLabelText('Assign to: Who: value') as HTMLInputElement;
    const list = document.getElementById(input.getAttribute('list')!)!;
    await vi.waitFor(() => expect(list.querySelectorAll('option').length).toBe(3));
    const roles = [...list.querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(roles).toEqual(['agent', 'manager', 'rd-lead']);
    fireEvent.change(input, { target: { value: 'line-owner' } });
    expect(latest).toEqual({ role: 'line-owner' });
  });

  it('builds the owner from a reference form: form, its user field first, match rows', async () => {
    render(<Harness initial={{ role: 'rd-lead' }} />);
    fireEvent.change(select('Assign to: Who'), { target: { value: 'lookup' } });
    expect(latest).toEqual({ lookup: { form: 'product-line', match: {}, field: 'owner' } });
    // User fields first; a list of users cannot be the one owner.
    expect(optionTexts(select('Assign to: Owner field'))).toEqual(['Owner (owner)', 'Line (line)', 'note']);
    expect(screen.getByText(/Add a match/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add match' }));
    expect(latest).toEqual({ lookup: { form: 'product-line', match: { line: 'model' }, field: 'owner' } });
    fireEvent.change(select('Assign to: Match 1: equals this record’s field'), {
      target: { value: 'title' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add match' }));
    // A reference field already matched is not offered again.
    expect(optionTexts(select('Assign to: Match 2: reference field'))).toEqual(['note', 'Owner (owner)']);
    expect(latest).toEqual({
      lookup: { form: 'product-line', match: { line: 'title', note: 'model' }, field: 'owner' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Assign to: Remove match 1' }));
    expect(latest).toEqual({ lookup: { form: 'product-line', match: { note: 'model' }, field: 'owner' } });

    fireEvent.change(select('Assign to: Reference form'), { target: { value: 'region' } });
    expect(latest).toEqual({ lookup: { form: 'region', match: {}, field: 'manager' } });
  });

  it('shows a stored lookup as it is, and goes back to a plain recipient', async () => {
    render(
      <Harness initial={{ lookup: { form: 'product-line', match: { line: 'model' }, field: 'owner' } }} />,
    );
    expect(select('Assign to: Who').value).toBe('lookup');
    expect(select('Assign to: Reference form').value).toBe('product-line');
    expect(select('Assign to: Match 1: reference field').value).toBe('line');
    expect(select('Assign to: Match 1: equals this record’s field').value).toBe('model');
    fireEvent.change(select('Assign to: Who'), { target: { value: 'field' } });
    expect(latest).toEqual({ field: 'model' });
  });
});
