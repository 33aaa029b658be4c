/**
 * @module Rule webhook actions: a delivery may carry its own URL and secret reference instead of a subscription (filled in by the rule-actions work).
 */
import type { Knex } from 'knex';

export const name = '0004-rule-webhooks';

export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
