/**
 * @module Shared set-up of the record and timer suites: publishing the small SLA-ticket bundle
 * (tests/fixtures/runtime/sla-ticket.json, on the `cn-2026` calendar) or the engine tour's ticket
 * form and flow through the DefinitionStore, users with roles, counting rows, and a request handler
 * that acts as a given user (a stand-in for the auth middleware).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Router from '@koa/router';
import Koa from 'koa';
import type { Knex } from 'knex';
import { inject, type InjectOptions } from 'light-my-request';
import type { AppBundle } from '../../../engine';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { errorMiddleware } from '../../../runtime/http/error-middleware';
import { jsonBody } from '../../../runtime/http/json-body';
import { registerRecordRoutes } from '../../../runtime/http/record-routes';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { rowCount } from '../../helpers/row-count';

const root = join(import.meta.dirname, '../../..');

export const slaFixture = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/runtime/sla-ticket.json'), 'utf8'),
) as { form: Record<string, unknown>; flow: Record<string, unknown> };

export const tourBundle = JSON.parse(
  readFileSync(join(root, 'examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

export async function publish(
  runtime: RuntimeContext,
  kind: 'form' | 'flow' | 'calendar',
  body: Record<string, unknown>,
): Promise<void> {
  const store = new DefinitionStore(runtime);
  await store.saveDraft(kind, body.key as string, body, 'admin');
  await store.publish(kind, body.key as string, 'admin');
}

export async function publishSlaTicket(runtime: RuntimeContext): Promise<void> {
  await publish(runtime, 'form', slaFixture.form);
  await publish(runtime, 'flow', slaFixture.flow);
}

export async function publishTourTicket(runtime: RuntimeContext): Promise<void> {
  await publish(runtime, 'form', tourBundle.forms![0] as unknown as Record<string, unknown>);
  await publish(runtime, 'flow', tourBundle.flows![0] as unknown as Record<string, unknown>);
}

export async function addUser(knex: Knex, id: string, roles: string[], active = true): Promise<void> {
  await knex('users').insert({
    id,
    username: id,
    roles: JSON.stringify(roles),
    skills: '[]',
    active,
    created_at: 0,
  });
}

/**
 * Makes `forms` part of the app `app` whose roles hold the given permissions on each of them, as an
 * imported bundle's `roles[].forms` would (`app_roles`, read by `runtime/auth/form-permissions.ts`).
 */
export async function grantAppRoles(
  knex: Knex,
  app: string,
  forms: string[],
  roles: Record<string, string[]>,
): Promise<void> {
  await knex('apps').insert({ key: app, parts: JSON.stringify({ forms }), imported_at: 0 });
  await knex('definitions').whereIn('key', forms).where({ kind: 'form' }).update({ app });
  await knex('app_roles').insert(
    Object.entries(roles).map(([key, permissions], position) => ({
      app,
      key,
      position,
      forms: JSON.stringify(Object.fromEntries(forms.map((form) => [form, permissions]))),
    })),
  );
}

export { rowCount as count };

/** Row counts of every table a submission writes. */
export async function writtenRows(knex: Knex) {
  const tables = ['records', 'record_revisions', 'flow_instances', 'timers', 'sla_clocks'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await rowCount(knex, table);
  counts.recordEvents = await rowCount(knex, 'events', { stream: 'record' });
  return counts;
}

/** Requests to the record routes as `user` (what the auth middleware puts on `ctx.state.user`). */
export function actingAs(runtime: RuntimeContext, user: { id: string; roles: string[] }) {
  const app = new Koa();
  app.silent = true;
  app.use(errorMiddleware(runtime.logger));
  app.use(async (ctx, next) => {
    ctx.state.user = user;
    await next();
  });
  app.use(jsonBody('1mb'));
  const router = new Router();
  registerRecordRoutes(router, runtime);
  app.use(router.routes());
  const handler = app.callback();
  return async (options: InjectOptions) => {
    const res = await inject(handler, options);
    return { status: res.statusCode, body: JSON.parse(res.payload) as any };
  };
}
