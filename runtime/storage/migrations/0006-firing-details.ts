/**
 * @module A rule firing keeps its group and window as the engine gave them, so the firing history
 * answers in the dry run's shape: `group_values` (the group's field values, typed — the stored
 * `group_key` text cannot tell the number 5 from the text "5") and `window` (`{ key, start, end }`,
 * null without aggregates). Both are nullable: rows stored before this migration keep them null, and
 * the history reads those from `group_key` and `window_key` instead. Adding nullable columns is in
 * place on both databases (no table rebuild on SQLite), so existing rows are untouched.
 */
import type { Knex } from 'knex';

export const name = '0006-firing-details';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rule_firings', (t) => {
    t.jsonb('group_values');
    t.jsonb('window');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rule_firings', (t) => {
    t.dropColumn('window');
    t.dropColumn('group_values');
  });
}
