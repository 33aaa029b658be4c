/**
 * @module What the notification tests share: a small team (an agent, two managers — one inactive —, a
 * lead without e-mail), a ticket assigned to the agent, events appended the way the records engine
 * appends them, and an app whose caller is named by an `x-test-user` header (auth is not built yet).
 */
import Router from '@koa/router';
import Koa from 'koa';
import { inject } from 'light-my-request';
import type { Knex } from 'knex';
import { appendEvent } from '../../../runtime/events/append-event';
import { errorMiddleware } from '../../../runtime/http/error-middleware';
import { registerNotificationRoutes } from '../../../runtime/http/notification-routes';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { writeJson } from '../../../runtime/storage/json-value';

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

/** The notification routes behind a stand-in for auth: `x-test-user: <id>` becomes `ctx.state.user`. */
export function appWithCaller(runtime: RuntimeContext) {
  const app = new Koa();
  app.silent = true;
  const router = new Router();
  registerNotificationRoutes(router, runtime);
  app.use(errorMiddleware(runtime.logger));
  app.use(async (ctx, next) => {
    const id = ctx.get('x-test-user');
    if (id) ctx.state.user = { id };
    await next();
  });
  app.use(router.routes());
  const handler = app.callback();
  return async (method: 'GET' | 'POST', url: string, user?: string) => {
    const res = await inject(handler, { method, url, headers: user ? { 'x-test-user': user } : {} });
    return { status: res.statusCode, body: JSON.parse(res.payload) };
  };
}
