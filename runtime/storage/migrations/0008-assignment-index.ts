/**
 * @module An index for round-robin assignment: "who of these people was assigned least recently" asks,
 * per candidate, for the newest `record.assigned` event naming them. Without it that question read
 * every assignment event ever written, so each assignment got slower as the store grew (a six-month
 * demo load slowed from ~13 ms to ~40 ms a step). The expression matches the query's text exactly
 * (`runtime/flows/effects/assign-effect.ts`), which is what lets SQLite use it. An index only: no rows change.
 */
import type { Knex } from 'knex';

export const name = '0008-assignment-index';

const INDEX = 'events_type_assignee_id_index';
const isPostgres = (knex: Knex) => String(knex.client.config.client).startsWith('pg');

export async function up(knex: Knex): Promise<void> {
  const assignee = isPostgres(knex) ? "(payload->>'assignee')" : "json_extract(payload, '$.assignee')";
  await knex.raw(`create index ${INDEX} on events (type, ${assignee}, id)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`drop index if exists ${INDEX}`);
}
