/**
 * @module What the bench rows do over HTTP, as a browser or an integration would: a server listening on
 * 127.0.0.1, JSON calls with a status check, signing in for the session cookie and CSRF token, and a
 * runtime logger that lets only warnings and errors through.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../runtime/logger';

/** The password the bench gives the users it creates. */
export const BENCH_PASSWORD = 'bench password, not a secret';

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1. */
export async function listen(handler: Parameters<typeof createServer>[1]): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Warnings and errors reach the console; a busy runtime's info lines would drown the progress. */
export function benchLogger(log: (line: string) => void): Logger {
  const quiet = () => {};
  return {
    debug: quiet,
    info: quiet,
    warn: (message, fields) => log(`runtime warning: ${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => log(`runtime error: ${message} ${JSON.stringify(fields ?? {})}`),
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A call; bytes (a file) are sent as they are, anything else as JSON. */
export async function call(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const raw = body instanceof Uint8Array;
  const res = await fetch(origin + path, {
    method,
    headers: raw || body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** The answer, when it has `status`; otherwise an error naming what was tried. */
export async function expectStatus(what: string, answer: Promise<Answer>, status: number): Promise<Answer> {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: ${got.status} ${JSON.stringify(got.body)}`);
  return got;
}

/** Signs in over HTTP: the session cookie and CSRF token a browser would hold, as request headers. */
export async function login(origin: string, username: string): Promise<Record<string, string>> {
  const answer = await expectStatus(
    `login as ${username}`,
    call(origin, 'POST', '/api/auth/login', { username, password: BENCH_PASSWORD }),
    200,
  );
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('closedloop_session='))!;
  return { cookie: cookie.split(';')[0]!, 'x-csrf-token': answer.body.csrfToken as string };
}
