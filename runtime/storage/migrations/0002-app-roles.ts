/**
 * @module Apps and their roles. An imported app bundle keeps its header (title, description, the order
 * of its parts) in `apps` and its roles in `app_roles` — one row per role, so access checks can read
 * the permissions of a role without loading whole bundles. The definitions themselves stay in
 * `definitions`, tagged with the app.
 */
import type { Knex } from 'knex';

export const name = '0002-app-roles';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('apps', (t) => {
    t.string('key', 64).primary();
    t.jsonb('title');
    t.jsonb('description');
    /** The keys of each part in bundle order (`{ "forms": ["ticket", …] }`), so an export reads as imported. */
    t.jsonb('parts').notNullable();
    t.string('imported_by', 64);
    t.bigInteger('imported_at').notNullable();
  });

  await knex.schema.createTable('app_roles', (t) => {
    t.string('app', 64).notNullable().references('apps.key').onDelete('CASCADE');
    t.string('key', 64).notNullable();
    /** Place in the bundle's `roles` array. */
    t.integer('position').notNullable();
    t.jsonb('title');
    /** Per form key, what members may do with its records: `{ "ticket": ["create", "read-own"] }`. */
    t.jsonb('forms');
    t.primary(['app', 'key']);
    t.index(['key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('app_roles');
  await knex.schema.dropTableIfExists('apps');
}
