/**
 * @module What the delivery workers keep beyond 0001's `webhook_deliveries` and `notifications`: every
 * attempt of a webhook delivery (the delivery log an admin reads when an integration breaks) and the
 * queue of notification e-mails, retried like webhook deliveries.
 */
import type { Knex } from 'knex';

export const name = '0003-deliveries';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_attempts', (t) => {
    t.increments('id').primary();
    t.string('delivery_id', 64).notNullable().references('webhook_deliveries.id').onDelete('CASCADE');
    /** 1 for the first try; counts on across manual retries. */
    t.integer('attempt').notNullable();
    t.bigInteger('at').notNullable();
    /** delivered / retrying / failed */
    t.string('outcome', 20).notNullable();
    t.integer('response_status');
    t.text('response_body');
    t.text('error');
    t.integer('duration_ms').notNullable();
    /** When the next try is due after this one; null once delivered or given up. */
    t.bigInteger('next_attempt_at');
    t.unique(['delivery_id', 'attempt']);
  });

  await knex.schema.createTable('notification_emails', (t) => {
    t.string('id', 64).primary();
    /** One e-mail per notification: a repeated outbox batch queues nothing new. */
    t.integer('notification_id').notNullable().unique().references('notifications.id').onDelete('CASCADE');
    t.string('to_address', 320).notNullable();
    t.string('subject', 500).notNullable();
    t.text('text').notNullable();
    /** pending / sent / failed */
    t.string('status', 20).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').index();
    t.text('last_error');
    t.string('message_id', 300);
    t.bigInteger('sent_at');
    t.bigInteger('created_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('notification_emails');
  await knex.schema.dropTableIfExists('webhook_attempts');
}
