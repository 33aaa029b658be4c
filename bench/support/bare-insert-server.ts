/**
 * @module The floor of the submission rows: the least an HTTP submission can cost on this stack — a Koa
 * server with the product's JSON body parser that inserts each request's `data` as it came, one row per
 * request (an id, the JSON — JSONB on PostgreSQL — and a timestamp), into one table of a database opened
 * with the product's knex configuration, and answers 201. No validation, no event, no flow, no auth.
 */
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { jsonBody } from '../../runtime/http/json-body';
import type { Database } from '../../runtime/storage/open-database';
import { writeJson } from '../../runtime/storage/json-value';
import { listen, type RunningServer } from './bench-http';

export const BARE_INSERT_PATH = '/submit';

export async function startBareInsertServer(db: Database): Promise<RunningServer> {
  await db.knex.schema.createTable('bare_submissions', (table) => {
    table.string('id', 36).primary();
    if (db.dialect === 'postgres') table.jsonb('data').notNullable();
    else table.json('data').notNullable();
    table.bigInteger('created_at').notNullable();
  });
  const app = new Koa();
  app.use(jsonBody('1mb'));
  app.use(async (ctx) => {
    if (ctx.method !== 'POST' || ctx.path !== BARE_INSERT_PATH) return;
    const id = randomUUID();
    const body = ctx.request.body as { data?: unknown };
    await db.knex('bare_submissions').insert({ id, data: writeJson(body.data), created_at: Date.now() });
    ctx.status = 201;
    ctx.body = { id };
  });
  return listen(app.callback());
}
