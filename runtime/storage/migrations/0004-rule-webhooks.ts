/**
 * @module Rule webhook actions: a delivery may carry its own `url` and `secret_ref` (the name of the
 * signing secret, read from the environment when it is sent) instead of a subscription, so
 * `webhook_deliveries.webhook_id` becomes nullable (it keeps its foreign key for subscriptions).
 *
 * SQLite cannot change a column's nullability in place: knex recreates the table (new table, copy,
 * drop, rename). The drop must run with foreign keys off, or dropping the old table would cascade to
 * `webhook_attempts` and lose the delivery log; SQLite ignores `PRAGMA foreign_keys` inside a
 * transaction, so this migration runs outside the migrator's transaction (knex wraps the recreation in
 * its own transaction, with the pragma around it and a foreign-key check before it commits).
 */
import type { Knex } from 'knex';

export const name = '0004-rule-webhooks';

export const config = { transaction: false };

const isPostgres = (knex: Knex) => String(knex.client.config.client).startsWith('pg');

async function addColumns(knex: Knex): Promise<void> {
  // Each step is skipped when done, so a run cut short (no enclosing transaction on SQLite) resumes.
  if (!(await knex.schema.hasColumn('webhook_deliveries', 'url'))) {
    await knex.schema.alterTable('webhook_deliveries', (t) => {
      /** Where a delivery without a subscription goes (a rule's webhook action). */
      t.string('url', 2000);
    });
  }
  if (!(await knex.schema.hasColumn('webhook_deliveries', 'secret_ref'))) {
    await knex.schema.alterTable('webhook_deliveries', (t) => {
      /** Name of its signing secret (`CLOSEDLOOP_SECRET_<REF>`); null sends it unsigned. */
      t.string('secret_ref', 200);
    });
  }
}

export async function up(knex: Knex): Promise<void> {
  if (isPostgres(knex)) {
    await knex.transaction(async (trx) => {
      await addColumns(trx);
      await trx.schema.alterTable('webhook_deliveries', (t) => t.setNullable('webhook_id'));
    });
    return;
  }
  await addColumns(knex);
  await knex.schema.alterTable('webhook_deliveries', (t) => t.setNullable('webhook_id'));
}

export async function down(knex: Knex): Promise<void> {
  const run = async (db: Knex) => {
    // Deliveries without a subscription cannot survive a NOT NULL webhook_id.
    await db('webhook_deliveries').whereNull('webhook_id').delete();
    await db.schema.alterTable('webhook_deliveries', (t) => t.dropNullable('webhook_id'));
    await db.schema.alterTable('webhook_deliveries', (t) => {
      t.dropColumn('secret_ref');
      t.dropColumn('url');
    });
  };
  if (isPostgres(knex)) await knex.transaction((trx) => run(trx));
  else await run(knex);
}
