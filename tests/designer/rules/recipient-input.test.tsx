// @vitest-environment jsdom
/**
 * The recipient picker of assign / notify actions: a fixed user is picked by name from the people the
 * runtime lists and stored by id (an id that is no longer listed stays visible rather than silently
 * changing), and a role is typed with the roles people hold offered as suggestions.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Recipient } from '../../../engine/rules/rule-definition.schema';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { RecipientInput } from '../../../designer/rules/recipient-input';

const PEOPLE = [
  { id: 'u-li', username: 'li.lei', displayName: '李雷', roles: ['rd-lead'], team: null, active: true },
  { id: 'u-han', username: 'han', displayName: null, roles: ['agent', 'manager'], team: null, active: true },
  { id: 'u-gone', username: 'gone', displayName: 'Gone', roles: ['agent'], team: null, active: false },
];

let latest: Recipient;
function Harness({ initial }: { initial: Recipient }) {
  const [value, setValue] = useState<Recipient>(initial);
  latest = value;
  return (
    <LocaleProvider locale="en">
      <RecipientInput value={value} fields={[]} label="Assign to" onChange={setValue} />
    </LocaleProvider>
  );
}

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
});
