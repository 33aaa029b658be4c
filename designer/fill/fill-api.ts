/**
 * @module The calls of the public fill page: the published form (`GET /api/forms/:key`, which anyone
 * may read) and the submission (`POST /api/forms/:key/records`). The form is read without the session
 * cookie on purpose: a signed-in designer opening the link would otherwise get the draft they are
 * editing, while the page must show what customers fill in — the published version.
 */
import type { FormDefinition } from '../../engine';
import { api } from '../api/api-client';
import { ApiError } from '../api/api-error';

export interface PublishedForm {
  key: string;
  version: number;
  body: FormDefinition;
}

export interface SubmittedRecord {
  id: string;
  formVersion: number;
  data: Record<string, unknown>;
}

export async function loadPublishedForm(key: string, locale: string): Promise<PublishedForm> {
  const response = await fetch(`/api/forms/${encodeURIComponent(key)}`, {
    credentials: 'omit',
    headers: { accept: 'application/json', 'accept-language': locale },
  });
  const body = (await response.json().catch(() => undefined)) as
    (PublishedForm & { error?: { code: string; message: string } }) | undefined;
  if (!response.ok || !body || body.error) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http-${response.status}`,
      body?.error?.message ?? response.statusText,
    );
  }
  // Carrying the version lets the engine reuse one compiled validator per `key@version`.
  return { key: body.key, version: body.version, body: { ...body.body, version: body.version } };
}

export function submitRecord(key: string, data: Record<string, unknown>): Promise<SubmittedRecord> {
  return api<SubmittedRecord>(`/api/forms/${encodeURIComponent(key)}/records`, { body: { data } });
}
