/**
 * @module What the notification tests share: a small team (an agent, two managers — one inactive —, a
 * lead without e-mail), a ticket assigned to the agent, events appended the way the records engine
 * appends them, and requests made as one of the team, signed in.
 */
import type { Knex } from 'knex';
import { setPassword } from '../../../runtime/auth/users';
import { appendEvent } from '../../../runtime/events/append-event';
import { writeJson } from '../../../runtime/storage/json-value';
import { loginAs, TEST_PASSWORD, type Harness, type TestLogin } from '../../helpers/runtime-harness';

export async function seedTeam(knex: Knex, at: number): Promise<void> {
  const user = (id: string, roles: string[], email: string | null, active = true) => ({
    id,
    username: id,
    display_name: id,
    email,
    roles: writeJson(roles),
    skills: writeJson([]),
    active,
    created_at: at,
  });
  await knex('users').insert([
    user('agent-li', ['agent'], 'li@example.com'),
    user('manager-wang', ['manager'], 'wang@example.com'),
    user('manager-gone', ['manager'], 'gone@example.com', false),
    user('lead-zhao', ['rd-lead'], null),
  ]);
  await knex('records').insert({
    id: 'T-1001',
    form_key: 'ticket',
    form_version: 1,
    stage: 'diagnose',
    assignee: 'agent-li',
    revision: 1,
    data: writeJson({ model: 'X200', engineer: 'lead-zhao' }),
    created_at: at,
    updated_at: at,
  });
}

export const recordEvent = (knex: Knex, at: number, type: string, payload: Record<string, unknown>) =>
  appendEvent(knex, { stream: 'record', streamId: 'T-1001', type, at, payload });

/**
 * Requests to the notification routes as one of the seeded users, signed in for real (a password is set
 * on first use, then `POST /api/auth/login`); without a user, anonymously.
 */
export function callerOf(h: Harness) {
  const logins = new Map<string, TestLogin>();
  return async (method: 'GET' | 'POST', url: string, user?: string) => {
    let login = user === undefined ? undefined : logins.get(user);
    if (user !== undefined && !login) {
      await setPassword(h.runtime, user, TEST_PASSWORD);
      login = await loginAs(h, user);
      logins.set(user, login);
    }
    const res = await h.request({ method, url, ...(login ? { headers: login.headers } : {}) });
    return { status: res.status, body: res.body };
  };
}
