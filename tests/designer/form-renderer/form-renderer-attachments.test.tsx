// @vitest-environment jsdom
/**
 * The attachment control asks the engine before it uploads: a file the field refuses (type, size, one
 * too many) is turned away with the engine's message and never sent. Stored files are listed with
 * their name and size and can be removed; without an upload URL (the designer preview) picking is off.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from '../../../engine';
import { readFixture } from '../../helpers/fixtures';
import { renderForm } from './render-form';

const ticket = readFixture<FormDefinition>('forms/definitions/ticket.form.json');
const photo = (name: string) => ({
  hash: 'b'.repeat(63) + name.length,
  name,
  size: 2048,
  contentType: 'image/png',
});

let sent: number;

beforeEach(() => {
  sent = 0;
  // Any upload would open a request; none may.
  vi.stubGlobal(
    'XMLHttpRequest',
    class {
      open() {
        sent += 1;
      }
    },
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 401 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function pick(files: File[]) {
  const input = within(screen.getByRole('group', { name: 'Photos' })).getByLabelText(/Add files/);
  fireEvent.change(input, { target: { files } });
}

describe('form renderer attachments', () => {
  it('turns away a file of a type the field does not accept, with the engine message', () => {
    renderForm(ticket, { uploadUrl: '/api/attachments?form=ticket' });
    pick([new File(['log line'], 'log.txt', { type: 'text/plain' })]);
    expect(screen.getByRole('alert').textContent).toBe(
      'A file in "Photos" is not of an accepted type (image/*)',
    );
    expect(sent).toBe(0);
  });

  it('turns away a file larger than the field allows, in Chinese too', () => {
    renderForm(ticket, { uploadUrl: '/api/attachments?form=ticket', locale: 'zh-CN' });
    const big = new File([new Uint8Array(1_000_001)], 'big.png', { type: 'image/png' });
    const input = within(screen.getByRole('group', { name: '照片' })).getByLabelText(/添加文件/);
    fireEvent.change(input, { target: { files: [big] } });
    expect(screen.getByRole('alert').textContent).toBe('“照片”中的文件超过 1000000 字节');
    expect(sent).toBe(0);
  });

  it('lists stored files, removes one, and stops picking at the field’s limit', () => {
    renderForm(ticket, {
      uploadUrl: '/api/attachments?form=ticket',
      initialData: { photos: [photo('front.png'), photo('back-panel.png')] },
    });
    const photos = screen.getByRole('group', { name: 'Photos' });
    expect(within(photos).getByText('front.png')).toBeTruthy();
    expect(within(photos).getAllByText('2 kB')).toHaveLength(2);
    expect((within(photos).getByLabelText(/Add files/) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(within(photos).getByRole('button', { name: 'Remove front.png' }));
    expect(within(photos).queryByText('front.png')).toBeNull();
    expect((within(photos).getByLabelText(/Add files/) as HTMLInputElement).disabled).toBe(false);
  });

  it('offers no picking in the designer preview', () => {
    renderForm(ticket);
    const photos = screen.getByRole('group', { name: 'Photos' });
    expect(within(photos).queryByLabelText(/Add files/)).toBeNull();
    expect(within(photos).getByText('Files can be added on the published form.')).toBeTruthy();
  });
});
