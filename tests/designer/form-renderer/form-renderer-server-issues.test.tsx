// @vitest-environment jsdom
/**
 * Issues a server answers (a 422 from `POST /api/forms/:key/records`) land where the browser's own
 * would: under the field their path names — a row's field, a group, a file inside an attachment list —
 * and issues about no field above the submit button. Whether `onSubmit` resolves with the issues or
 * throws the API error, the user sees the same.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine';
import { ApiError, type ApiIssue } from '../../../designer/api/api-error';
import { readFixture } from '../../helpers/fixtures';
import { messagesOf, renderForm } from './render-form';

const ticket = readFixture<FormDefinition>('forms/definitions/ticket.form.json');

const SERVER_ISSUES: ApiIssue[] = [
  { code: 'unknown-part', path: '/parts/0/partNo', message: 'Part LCD-9 is not in the catalogue' },
  { code: 'too-many-items', path: '/parts', message: '"Replaced parts" allows at most 1 entries' },
  { code: 'file-missing', path: '/photos/0/hash', message: 'The photo was not uploaded' },
  { code: 'unknown-field', path: '/legacy', message: 'Unknown field "legacy"' },
];

const PHOTO = { hash: 'a'.repeat(64), name: 'screen.png', size: 70, contentType: 'image/png' };

afterEach(cleanup);

async function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'C-1' } });
  fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'web' } });
  const row = screen.getByRole('group', { name: 'Replaced parts 1' });
  fireEvent.change(within(row).getByLabelText('Part number'), { target: { value: 'LCD-9' } });
  fireEvent.change(within(row).getByLabelText('Quantity'), { target: { value: '1' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
}

describe.each([
  ['resolves with the issues', async () => SERVER_ISSUES],
  [
    'throws the 422',
    async () => {
      throw new ApiError(422, 'invalid', 'The ticket record has invalid values', SERVER_ISSUES);
    },
  ],
])('server issues when onSubmit %s', (_how, onSubmit) => {
  it('shows each under its field and the rest for the whole form', async () => {
    const { container } = renderForm(ticket, {
      onSubmit,
      initialData: { parts: [{}], photos: [PHOTO] },
    });
    await fillAndSubmit();
    await waitFor(() =>
      expect(messagesOf(container, '/parts/0/partNo')).toEqual(['Part LCD-9 is not in the catalogue']),
    );
    expect(messagesOf(container, '/parts')).toEqual(['"Replaced parts" allows at most 1 entries']);
    expect(messagesOf(container, '/photos')).toEqual(['The photo was not uploaded']);
    expect(screen.getByRole('alert').textContent).toBe('Unknown field "legacy"');
    expect(within(screen.getByRole('group', { name: 'Photos' })).getByText('screen.png')).toBeTruthy();
  });
});

describe('a submit that fails for another reason', () => {
  it('says why above the submit button', async () => {
    renderForm(ticket, {
      onSubmit: async () => {
        throw new ApiError(429, 'rate-limited', 'Too many requests; try again in 60 s');
      },
      initialData: { parts: [{}] },
    });
    await fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not submit: Too many requests; try again in 60 s',
    );
  });
});
