/**
 * @module Drives a runtime in-process: `createApp` over a fresh test database with a manual clock,
 * requests injected into `app.callback()` without a socket (light-my-request).
 */
import { inject, type InjectOptions } from 'light-my-request';
import type { NewUserInput } from '../../runtime/auth/user-input';
import { createUser, type UserView } from '../../runtime/auth/users';
import type { Dialect } from '../../runtime/config/database-url';
import { createApp, type Runtime } from '../../runtime/create-app';
import { memoryLogger } from '../../runtime/logger';
import { ManualClock } from './manual-clock';
import { createTestDatabase, type TestDatabase } from './test-databases';

export interface Harness {
  runtime: Runtime;
  db: TestDatabase;
  clock: ManualClock;
  logs: ReturnType<typeof memoryLogger>['lines'];
  request(options: InjectOptions): Promise<{ status: number; headers: Record<string, unknown>; body: any; text: string }>;
  close(): Promise<void>;
}

export async function startHarness(dialect: Dialect, start = '2026-11-24T09:00:00+08:00'): Promise<Harness> {
  const db = await createTestDatabase(dialect);
  const clock = new ManualClock(start);
  const logger = memoryLogger();
  const runtime = createApp({ db, clock, logger });
  const handler = runtime.app.callback();
  return {
    runtime,
    db,
    clock,
    logs: logger.lines,
    async request(options) {
      const response = await inject(handler, options);
      const text = response.payload;
      let body: unknown = text;
      if (String(response.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
      return { status: response.statusCode, headers: response.headers, body, text };
    },
    close: () => db.drop(),
  };
}

/** The password `createTestUser` gives a user unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user directly in the harness's store (roles default to `agent`). */
export async function createTestUser(
  h: Harness,
  input: Partial<NewUserInput> & { username: string },
): Promise<UserView> {
  return createUser(h.runtime, { password: TEST_PASSWORD, roles: ['agent'], ...input });
}

export interface TestLogin {
  user: { id: string; username: string; roles: string[] };
  cookie: string;
  csrfToken: string;
  /** Headers for an authenticated request: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through `POST /api/auth/login`; throws when the login is refused. */
export async function loginAs(h: Harness, username: string, password = TEST_PASSWORD): Promise<TestLogin> {
  const res = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
  const cookie = setCookie.find((c) => c.startsWith('closedloop_session='))!.split(';')[0]!;
  return {
    user: res.body.user,
    cookie,
    csrfToken: res.body.csrfToken,
    headers: { cookie, 'x-csrf-token': res.body.csrfToken },
  };
}

/** Creates a user and signs in as them. */
export async function createUserAndLogin(
  h: Harness,
  input: Partial<NewUserInput> & { username: string },
): Promise<TestLogin> {
  await createTestUser(h, input);
  return loginAs(h, input.username, input.password ?? TEST_PASSWORD);
}
