/**
 * @module Fetch wrapper for the runtime's JSON API: same-origin cookies, the session's CSRF token on
 * unsafe requests, the UI locale as `Accept-Language` (so the server's messages come in it), and error
 * bodies turned into `ApiError`.
 */
import { ApiError } from './api-error';

let csrfToken: string | undefined;
let locale = 'zh-CN';

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setApiLocale(value: string): void {
  locale = value;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; issues?: [] } };
    if (body.error)
      return new ApiError(
        response.status,
        body.error.code ?? 'error',
        body.error.message ?? response.statusText,
        body.error.issues ?? [],
      );
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ApiError(response.status, 'http-' + response.status, response.statusText);
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204). */
export async function api<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
  if (options.body !== undefined && !(options.body instanceof FormData) && !(options.body instanceof Blob))
    headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  Object.assign(headers, options.headers);
  const body =
    options.body === undefined
      ? undefined
      : options.body instanceof FormData || options.body instanceof Blob
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(url, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}
