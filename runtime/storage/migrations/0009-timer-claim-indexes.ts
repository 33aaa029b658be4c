/**
 * @module Indexes the sweeper's two claims read in their own order, so each claim is one index seek
 * however many timers are pending or due. A record's timer is claimed by `due_at, id`: with `due_at`
 * alone, timers due at the same instant (every ticket opened overnight warns at the same minute of the
 * next working morning) were sorted afresh on every claim — 10,000 such timers took minutes to fire.
 * A scheduled rule's tick (no record) is claimed from a partial index of the ticks alone, instead of
 * stepping over every due record timer to find there is none. `(due_at, id)` serves whatever the old
 * `due_at` index served, so that one goes: one index fewer to write per scheduled or cancelled timer.
 * Indexes only: no rows change.
 */
import type { Knex } from 'knex';

export const name = '0009-timer-claim-indexes';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index timers_due_at_id_index on timers (due_at, id)');
  await knex.raw('create index timers_rule_tick_due_index on timers (due_at, id) where record_id is null');
  await knex.raw('drop index if exists timers_due_at_index');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('create index timers_due_at_index on timers (due_at)');
  await knex.raw('drop index if exists timers_rule_tick_due_index');
  await knex.raw('drop index if exists timers_due_at_id_index');
}
