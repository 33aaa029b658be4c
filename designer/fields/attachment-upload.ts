/**
 * @module Sends one file to the runtime's `POST /api/attachments` as the raw body, reporting upload
 * progress (XMLHttpRequest: fetch cannot report it) and answering the file reference to store. A
 * signed-in browser must send its session's CSRF token; it is read once from `GET /api/auth/me`.
 */
import { ApiError } from '../api/api-error';
import type { FileRef, UploadTarget } from './field-props';

let csrf: Promise<string | undefined> | undefined;

function csrfToken(): Promise<string | undefined> {
  csrf ??= fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (response) =>
      response.ok ? ((await response.json()) as { csrfToken?: string }).csrfToken : undefined,
    )
    .catch(() => undefined);
  return csrf;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
    if (body.error) return new ApiError(xhr.status, body.error.code ?? 'error', body.error.message ?? '');
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new ApiError(xhr.status, xhr.status === 0 ? 'network' : `http-${xhr.status}`, xhr.statusText);
}

function send(
  url: string,
  file: Blob,
  locale: string,
  token: string | undefined,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', locale);
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as FileRef);
      else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(errorOf(xhr));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Uploads `file` as `name` to `target`; `onProgress` gets the fraction sent (0–1). */
export async function uploadFile(
  target: UploadTarget,
  file: Blob,
  name: string,
  locale: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<FileRef> {
  const url = `${target.url}${target.url.includes('?') ? '&' : '?'}name=${encodeURIComponent(name)}`;
  try {
    return await send(url, file, locale, await csrfToken(), onProgress, signal);
  } catch (error) {
    // Signed in or out since the token was read: read it again and retry once.
    if (!(error instanceof ApiError && error.code === 'csrf')) throw error;
    csrf = undefined;
    return send(url, file, locale, await csrfToken(), onProgress, signal);
  }
}

/** Where a stored file can be read back (signed-in users only). */
export function attachmentUrl(ref: FileRef): string {
  return `/api/attachments/${ref.hash}?name=${encodeURIComponent(ref.name)}`;
}
