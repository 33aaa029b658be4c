/**
 * @module The initial schema, the same on SQLite and PostgreSQL. Instants are epoch milliseconds
 * (bigint: index-friendly and dialect-neutral); JSON documents are JSONB on PostgreSQL, JSON text on
 * SQLite. Every write of the runtime also appends an `events` row: the audit trail and the outbox.
 */
import type { Knex } from 'knex';

export const name = '0001-initial-schema';

const isPostgres = (knex: Knex) => String(knex.client.config.client).startsWith('pg');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.string('id', 64).primary();
    t.string('username', 64).notNullable().unique();
    t.string('display_name', 200);
    t.string('email', 320);
    t.string('password_hash', 255);
    /** Role keys, e.g. ["agent"]. */
    t.jsonb('roles').notNullable();
    /** Skill tags and region, matched by the assignment strategy. */
    t.jsonb('skills').notNullable();
    t.string('region', 200);
    t.string('team', 100);
    t.boolean('active').notNullable().defaultTo(true);
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('sessions', (t) => {
    /** SHA-256 of the cookie value; the value itself is never stored. */
    t.string('id', 64).primary();
    t.string('user_id', 64).notNullable().references('users.id').onDelete('CASCADE');
    t.string('csrf_token', 64).notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable().index();
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.string('id', 64).primary();
    t.string('user_id', 64).notNullable().references('users.id').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.string('token_hash', 64).notNullable().unique();
    t.jsonb('scopes').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_used_at');
    t.bigInteger('revoked_at');
  });

  await knex.schema.createTable('definitions', (t) => {
    t.increments('id').primary();
    t.string('kind', 20).notNullable();
    t.string('key', 64).notNullable();
    /** 0 is the editable draft; published versions count up from 1 and never change. */
    t.integer('version').notNullable();
    t.string('status', 20).notNullable();
    t.jsonb('body').notNullable();
    t.string('hash', 64).notNullable();
    t.string('app', 64);
    t.string('created_by', 64);
    t.bigInteger('created_at').notNullable();
    t.unique(['kind', 'key', 'version']);
  });

  await knex.schema.createTable('records', (t) => {
    t.string('id', 64).primary();
    t.string('form_key', 64).notNullable();
    t.integer('form_version').notNullable();
    t.string('stage', 64);
    t.string('assignee', 64);
    t.string('team', 100);
    t.string('customer', 64);
    t.integer('revision').notNullable();
    t.jsonb('data').notNullable();
    t.string('created_by', 64);
    t.bigInteger('created_at').notNullable();
    t.string('updated_by', 64);
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('resolved_at');
    t.index(['form_key', 'created_at']);
    t.index(['assignee', 'stage']);
    t.index(['customer']);
  });

  await knex.schema.createTable('record_revisions', (t) => {
    t.increments('id').primary();
    t.string('record_id', 64).notNullable().references('records.id').onDelete('CASCADE');
    t.integer('revision').notNullable();
    t.string('stage', 64);
    t.jsonb('data').notNullable();
    t.string('by', 64);
    t.bigInteger('at').notNullable();
    t.bigInteger('resolved_at');
    t.unique(['record_id', 'revision']);
  });

  await knex.schema.createTable('flow_instances', (t) => {
    t.string('record_id', 64).primary().references('records.id').onDelete('CASCADE');
    t.string('flow_key', 64).notNullable();
    t.integer('flow_version').notNullable();
    t.jsonb('snapshot').notNullable();
    t.string('status', 20).notNullable();
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('sla_clocks', (t) => {
    t.increments('id').primary();
    t.string('record_id', 64).notNullable().references('records.id').onDelete('CASCADE');
    t.string('clock', 64).notNullable();
    t.integer('run').notNullable();
    t.string('stage', 64);
    /** running / paused / met / breached / cancelled */
    t.string('state', 20).notNullable();
    t.integer('target_minutes').notNullable();
    t.bigInteger('started_at').notNullable();
    t.bigInteger('due_at');
    t.bigInteger('original_due_at');
    t.bigInteger('stopped_at');
    t.float('business_elapsed_minutes').notNullable();
    t.float('wall_elapsed_minutes').notNullable();
    t.float('paused_wall_minutes').notNullable();
    t.boolean('breached').notNullable().defaultTo(false);
    t.bigInteger('updated_at').notNullable();
    t.unique(['record_id', 'clock', 'run']);
    t.index(['state', 'due_at']);
  });

  await knex.schema.createTable('timers', (t) => {
    /** The engine's deterministic timer id, prefixed by the record: a retried step cannot double-schedule. */
    t.string('id', 200).primary();
    t.bigInteger('due_at').notNullable().index();
    t.string('kind', 40).notNullable();
    t.string('record_id', 64).references('records.id').onDelete('CASCADE');
    t.jsonb('payload').notNullable();
    t.string('claimed_by', 100);
    t.bigInteger('claimed_until');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('events', (t) => {
    t.bigIncrements('id').primary();
    /** record / definition / user / rule / system */
    t.string('stream', 20).notNullable();
    t.string('stream_id', 200).notNullable();
    t.string('type', 80).notNullable();
    t.string('actor', 64);
    t.bigInteger('at').notNullable();
    t.jsonb('payload').notNullable();
    /**
     * The writing transaction's id on PostgreSQL (0 on SQLite). Ids of concurrent transactions commit
     * out of order; outbox consumers read in (tx_id, id) order below the oldest running transaction,
     * so an event that commits late is never skipped.
     */
    if (isPostgres(knex))
      t.bigInteger('tx_id').notNullable().defaultTo(knex.raw('(pg_current_xact_id()::text)::bigint'));
    else t.bigInteger('tx_id').notNullable().defaultTo(0);
    t.index(['stream', 'stream_id', 'id']);
    t.index(['type', 'at']);
    t.index(['tx_id', 'id']);
  });

  await knex.schema.createTable('outbox_cursors', (t) => {
    /** One row per consumer (rules, webhooks, notifications): the last event it has fully handled. */
    t.string('consumer', 64).primary();
    t.bigInteger('last_tx_id').notNullable();
    t.bigInteger('last_event_id').notNullable();
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('rule_firings', (t) => {
    t.increments('id').primary();
    t.string('rule_key', 64).notNullable();
    t.integer('rule_version').notNullable();
    /** (rule, group, window): a threshold fires once per group per window, however often it is crossed. */
    t.string('idempotency_key', 400).notNullable().unique();
    t.string('group_key', 300);
    t.string('window_key', 100);
    t.bigInteger('at').notNullable();
    t.jsonb('records').notNullable();
    t.jsonb('created').notNullable();
    t.index(['rule_key', 'group_key', 'at']);
  });

  await knex.schema.createTable('jobs', (t) => {
    t.string('id', 64).primary();
    t.string('kind', 40).notNullable();
    t.string('status', 20).notNullable();
    t.integer('total');
    t.integer('done').notNullable().defaultTo(0);
    t.jsonb('issues').notNullable();
    t.jsonb('result');
    t.string('created_by', 64);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('webhooks', (t) => {
    t.string('id', 64).primary();
    t.string('url', 2000).notNullable();
    t.string('secret', 200).notNullable();
    t.jsonb('events').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('webhook_deliveries', (t) => {
    /** Stable across retries, sent as a header so receivers can deduplicate. */
    t.string('id', 64).primary();
    t.string('webhook_id', 64).notNullable().references('webhooks.id').onDelete('CASCADE');
    t.bigInteger('event_id');
    t.jsonb('payload').notNullable();
    t.string('status', 20).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').index();
    t.integer('response_status');
    t.text('response_body');
    t.text('last_error');
    t.bigInteger('created_at').notNullable();
    t.unique(['webhook_id', 'event_id']);
  });

  await knex.schema.createTable('notifications', (t) => {
    t.increments('id').primary();
    t.string('user_id', 64).notNullable().references('users.id').onDelete('CASCADE');
    t.string('type', 40).notNullable();
    t.string('record_id', 64);
    t.jsonb('body').notNullable();
    t.string('dedupe_key', 300).unique();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('read_at');
    t.index(['user_id', 'read_at']);
  });

  await knex.schema.createTable('attachments', (t) => {
    /** SHA-256 of the content: the same file uploaded twice is stored once. */
    t.string('hash', 64).primary();
    t.string('name', 300).notNullable();
    t.string('content_type', 200).notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.bigInteger('created_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'attachments',
    'notifications',
    'webhook_deliveries',
    'webhooks',
    'jobs',
    'rule_firings',
    'outbox_cursors',
    'events',
    'timers',
    'sla_clocks',
    'flow_instances',
    'record_revisions',
    'records',
    'definitions',
    'api_tokens',
    'sessions',
    'users',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
