/**
 * @module Read-only links to dashboards (`runtime/dashboards/dashboard-links.ts`): one row per link,
 * holding the SHA-256 of its token (never the token), who made it and when, and when it was revoked.
 * A revoked link keeps its row, so the audit trail can still name it. A new table only: nothing
 * existing changes on either database.
 */
import type { Knex } from 'knex';

export const name = '0007-dashboard-links';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('dashboard_links', (t) => {
    t.string('id', 64).primary();
    t.string('dashboard_key', 64).notNullable();
    /** SHA-256 hex of the token; looked up by it when the public page asks. */
    t.string('token_hash', 64).notNullable().unique();
    t.string('created_by', 64);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('revoked_at');
    // The manage dialog lists one dashboard's links, newest first.
    t.index(['dashboard_key', 'created_at'], 'dashboard_links_dashboard_created_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('dashboard_links');
}
