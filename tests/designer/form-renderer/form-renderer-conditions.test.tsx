// @vitest-environment jsdom
/**
 * The renderer follows the definition's expressions as the user types: a field shows only while its
 * `visibleWhen` holds (a hidden field's value is not submitted), a section with its fields, a field
 * becomes required when its `requiredWhen` holds, and a survey's computed field follows the answers.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine';
import { readFixture } from '../../helpers/fixtures';
import { messagesOf, renderForm } from './render-form';

const ticket = readFixture<FormDefinition>('forms/definitions/ticket.form.json');
const survey = readFixture<FormDefinition>('forms/definitions/survey.form.json');

afterEach(cleanup);

describe('form renderer conditions', () => {
  it('shows a field only while its visibleWhen holds, and submits no hidden value', async () => {
    const { submitted } = renderForm(ticket);
    expect(screen.queryByLabelText('Fault description')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'fault' }));
    const detail = await screen.findByLabelText('Fault description');
    fireEvent.change(detail, { target: { value: 'Screen stays black' } });
    fireEvent.click(screen.getByRole('radio', { name: 'question' }));
    await waitFor(() => expect(screen.queryByLabelText('Fault description')).toBeNull());

    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'C-1' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'phone' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).not.toHaveProperty('detail');

    // Shown again, it still holds what was typed.
    fireEvent.click(screen.getByRole('radio', { name: 'fault' }));
    expect(((await screen.findByLabelText('Fault description')) as HTMLTextAreaElement).value).toBe(
      'Screen stays black',
    );
  });

  it('makes a field required while its requiredWhen holds, and says so after a submit', async () => {
    const { container } = renderForm(ticket);
    fireEvent.click(screen.getByRole('radio', { name: 'fault' }));
    const detail = await screen.findByLabelText('Fault description');
    expect(detail.getAttribute('aria-required')).toBeNull();
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'store' } });
    await waitFor(() => expect(detail.getAttribute('aria-required')).toBe('true'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    expect(messagesOf(container, '/detail')).toEqual(['"Fault description" is required']);

    // Back to another channel: no longer required, and the message goes with the next check.
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'web' } });
    await waitFor(() => expect(messagesOf(container, '/detail')).toEqual([]));
    expect(detail.getAttribute('aria-required')).toBeNull();
  });

  it('shows a section while its condition holds and computes a survey field from the answers', async () => {
    renderForm(survey, { locale: 'zh-CN' });
    fireEvent.click(screen.getByRole('radio', { name: '4 星（满分 5 星）' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '不满意原因' })).toBeNull());
    expect(screen.queryByLabelText('原因')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '2 星（满分 5 星）' }));
    await screen.findByRole('region', { name: '不满意原因' });
    expect(screen.getByLabelText('原因').getAttribute('aria-required')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: '4 星（满分 5 星）' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '不满意原因' })).toBeNull());

    const promoter = screen.getByLabelText('推荐者') as HTMLInputElement;
    expect(promoter.checked).toBe(false);
    expect(promoter.disabled).toBe(true);
    const nps = screen.getByRole('radiogroup', { name: '推荐意愿' });
    fireEvent.click(nps.querySelector('input[value="9"]')!);
    await waitFor(() => expect(promoter.checked).toBe(true));
  });
});
