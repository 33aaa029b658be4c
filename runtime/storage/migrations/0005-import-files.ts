/**
 * @module Import jobs keep their uploaded file and where they stand, so a job interrupted by a crash
 * resumes. `job_files` holds the file and the options it was sent with, stored with the job row and
 * deleted when the job ends. On `jobs`, a lease: `claimed_by` (one claim's token, not just the process,
 * so two runs in one process are told apart), `claimed_until` (after it another worker may take the job)
 * and `attempts` (claims so far, to give up on a job that keeps killing its worker). The rows already
 * handled are `jobs.done`, which each batch already moves in the transaction that stores its records.
 */
import type { Knex } from 'knex';

export const name = '0005-import-files';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('job_files', (t) => {
    t.string('job_id', 64).primary().references('jobs.id').onDelete('CASCADE');
    /** csv / xlsx */
    t.string('format', 10).notNullable();
    /** The uploaded bytes as received (bytea on PostgreSQL, BLOB on SQLite). */
    t.binary('content').notNullable();
    t.integer('byte_size').notNullable();
    /** Form key and version, dry run, actor, locale, time zone, batch size. */
    t.jsonb('options').notNullable();
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.alterTable('jobs', (t) => {
    t.string('claimed_by', 100);
    t.bigInteger('claimed_until');
    t.integer('attempts').notNullable().defaultTo(0);
    t.index(['status', 'claimed_until'], 'jobs_status_claimed_until_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.dropIndex(['status', 'claimed_until'], 'jobs_status_claimed_until_index');
  });
  await knex.schema.alterTable('jobs', (t) => {
    t.dropColumn('attempts');
    t.dropColumn('claimed_until');
    t.dropColumn('claimed_by');
  });
  await knex.schema.dropTableIfExists('job_files');
}
