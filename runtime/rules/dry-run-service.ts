/**
 * @module The dry run of a stored rule over stored history: every version of the records of the forms
 * the rule reads, in the order they were written, replayed by the engine's `dryRunRule` — what would
 * have fired, for which groups, when, and the records behind each firing (and the record a linked
 * set-fields would write to). The common threshold rule (one count per group and calendar window, see `dry-run-in-sql.ts`) is
 * counted by the database instead, with the same answer. Nothing is written.
 */
import type { Knex } from 'knex';
import { dryRunRule, type DryRunResult, type RuleDefinition, type RuleRecord } from '../../engine';
import { readJson } from '../storage/json-value';
import { dryRunInSql } from './dry-run-in-sql';
import { withLinkedTargets } from './dry-run-targets';

/** The forms whose records the rule's trigger and aggregates read. */
export function formsReadBy(rule: RuleDefinition): string[] {
  const forms = new Set<string>();
  if ('form' in rule.trigger && typeof rule.trigger.form === 'string') forms.add(rule.trigger.form);
  for (const aggregate of Object.values(rule.aggregates ?? {})) forms.add(aggregate.form);
  return [...forms];
}

/** Every stored version of those forms' records written before `until` (epoch ms), oldest first. */
export async function loadRecordVersions(
  knex: Knex | Knex.Transaction,
  forms: string[],
  until: number,
): Promise<RuleRecord[]> {
  if (forms.length === 0) return [];
  const rows = (await knex('record_revisions as v')
    .join('records as r', 'r.id', 'v.record_id')
    .whereIn('r.form_key', forms)
    .andWhere('v.at', '<', until)
    .orderBy([{ column: 'v.at' }, { column: 'v.id' }])
    .select('r.id', 'r.form_key', 'r.created_at', 'v.revision', 'v.stage', 'v.data', 'v.at')) as {
    id: string;
    form_key: string;
    created_at: number;
    revision: number;
    stage: string | null;
    data: unknown;
    at: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    form: row.form_key,
    data: readJson(row.data),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.at)).toISOString(),
    stage: row.stage,
    revision: row.revision,
  }));
}

export async function dryRunStoredRule(
  knex: Knex | Knex.Transaction,
  rule: RuleDefinition,
  period: { from: string; to: string },
): Promise<DryRunResult> {
  // The common threshold rule is counted by the database; anything else is replayed version by version.
  const counted = await dryRunInSql(knex, rule, period);
  if (counted) return withLinkedTargets(knex, counted);
  return replayStoredRule(knex, rule, period);
}

/** The dry run by replaying every stored version (the reference the SQL path is tested against). */
export async function replayStoredRule(
  knex: Knex | Knex.Transaction,
  rule: RuleDefinition,
  period: { from: string; to: string },
): Promise<DryRunResult> {
  const versions = await loadRecordVersions(knex, formsReadBy(rule), Date.parse(period.to));
  return withLinkedTargets(knex, dryRunRule(rule, versions, { from: period.from, to: period.to }));
}
