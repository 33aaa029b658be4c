// @vitest-environment jsdom
/**
 * The renderer says what the engine says: after a submit, every issue of `compileForm(form).validate`
 * appears, word for word and in the UI locale, under the field its JSON Pointer names — also inside a
 * repeating group's rows — and is read with the control (`aria-describedby`); nothing is submitted
 * until the engine is satisfied, and then the engine's settled data is.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { compileForm, type FormDefinition } from '../../../engine';
import { readFixture } from '../../helpers/fixtures';
import { descriptionOf, messagesOf, renderForm } from './render-form';

const ticket = readFixture<FormDefinition>('forms/definitions/ticket.form.json');

afterEach(cleanup);

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^(Submit|提交)$/ }));
  });
}

describe('form renderer messages', () => {
  it('shows each engine issue under the field its path names, in English and in Chinese', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const { container, submitted, unmount } = renderForm(ticket, { locale });
      await submit();
      const expected = compileForm(ticket).validate(
        { category: 'question', underWarranty: false },
        { locale },
      );
      expect(expected.issues.length).toBeGreaterThan(0);
      for (const issue of expected.issues) expect(messagesOf(container, issue.path)).toEqual([issue.message]);
      expect(messagesOf(container, '/customer')).toEqual([
        locale === 'en' ? '"Customer" is required' : '“客户”为必填项',
      ]);
      expect(submitted).toEqual([]);
      unmount();
    }
  });

  it('links the message to the control, so it is read with it', async () => {
    renderForm(ticket);
    await submit();
    const customer = screen.getByLabelText('Customer');
    expect(customer.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(customer)).toBe('"Customer" is required');
  });

  it('names bad values inside a repeating group row and clears them as they are fixed', async () => {
    const { container, submitted } = renderForm(ticket);
    fireEvent.click(screen.getByRole('button', { name: 'Add to Replaced parts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add to Replaced parts' }));
    const second = screen.getByRole('group', { name: 'Replaced parts 2' });
    fireEvent.change(within(second).getByLabelText('Quantity'), { target: { value: '0' } });
    await submit();

    expect(messagesOf(container, '/parts/1/qty')).toEqual(['"Quantity" must be at least 1']);
    expect(messagesOf(container, '/parts/1/partNo')).toEqual(['"Part number" is required']);
    expect(messagesOf(container, '/parts/0/partNo')).toEqual(['"Part number" is required']);
    expect(messagesOf(container, '/parts/0/qty')).toEqual(['"Quantity" is required']);
    expect(descriptionOf(within(second).getByLabelText('Quantity'))).toBe('"Quantity" must be at least 1');

    // Fixing a value re-checks the form: its message goes, the others stay.
    fireEvent.change(within(second).getByLabelText('Quantity'), { target: { value: '2' } });
    await waitFor(() => expect(messagesOf(container, '/parts/1/qty')).toEqual([]));
    expect(messagesOf(container, '/parts/1/partNo')).toEqual(['"Part number" is required']);

    // Fill everything the engine asks for, then the engine's data is submitted.
    fireEvent.click(screen.getByRole('button', { name: 'Remove Replaced parts 1' }));
    const row = screen.getByRole('group', { name: 'Replaced parts 1' });
    fireEvent.change(within(row).getByLabelText('Part number'), { target: { value: 'LCD-7' } });
    fireEvent.change(within(row).getByLabelText('Unit price'), { target: { value: '12.5' } });
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'C-1001' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'web' } });
    await submit();
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({
      channel: 'web',
      customer: 'C-1001',
      category: 'question',
      underWarranty: false,
      parts: [{ partNo: 'LCD-7', qty: 2, price: 12.5, lineTotal: 25 }],
      partsTotal: 25,
    });
  });

  it('shows computed fields read-only with the value the engine computes', async () => {
    renderForm(ticket);
    fireEvent.click(screen.getByRole('button', { name: 'Add to Replaced parts' }));
    const row = screen.getByRole('group', { name: 'Replaced parts 1' });
    fireEvent.change(within(row).getByLabelText('Quantity'), { target: { value: '3' } });
    fireEvent.change(within(row).getByLabelText('Unit price'), { target: { value: '1.1' } });
    const lineTotal = within(row).getByLabelText('Line total') as HTMLInputElement;
    await waitFor(() => expect(lineTotal.value).toBe('3.3'));
    expect(lineTotal.readOnly).toBe(true);
    expect((screen.getByLabelText('Parts total') as HTMLInputElement).value).toBe('3.3');
  });
});
