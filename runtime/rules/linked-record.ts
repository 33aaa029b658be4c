/**
 * @module Finds the record a `set-fields` action writes to when it is not the triggering one: the id
 * the engine read from the triggering record's field, then, hop by hop, the record of that id — which
 * must exist and be of the hop's form — and the id in its next field. Every way this can fail is a
 * refusal sentence the firing records (`no record id in field …`, `record … not found`, `… wrong form`).
 */
import type { Knex } from 'knex';
import type { ResolvedAction } from '../../engine';
import { readJson } from '../storage/json-value';

/** A set-fields target that names another record (the engine's `LinkedTarget`). */
export type LinkedTarget = Extract<
  Extract<ResolvedAction, { type: 'set-fields' }>['target'],
  { kind: 'linked' }
>;

/** The longest id a record can have (`records.id` is 64 characters). */
const MAX_ID_LENGTH = 64;

function idIn(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The id of the record `target` leads to, or why there is none. */
export async function findLinkedRecord(
  trx: Knex | Knex.Transaction,
  target: LinkedTarget,
): Promise<{ id: string } | { missing: string }> {
  let id = target.id;
  let holder = 'the triggering record';
  for (const hop of target.hops) {
    if (id === null) return { missing: `no record id in field "${hop.field}" of ${holder}` };
    const row = (
      id.length > MAX_ID_LENGTH
        ? undefined
        : await trx('records').where({ id }).first('id', 'form_key', 'data')
    ) as { id: string; form_key: string; data: unknown } | undefined;
    if (!row) return { missing: `record "${id}" (field "${hop.field}") not found` };
    if (row.form_key !== hop.form)
      return {
        missing: `wrong form: record "${id}" (field "${hop.field}") is a "${row.form_key}" record, not "${hop.form}"`,
      };
    const next = target.hops[target.hops.indexOf(hop) + 1];
    if (next === undefined) return { id: row.id };
    id = idIn((readJson<Record<string, unknown>>(row.data) ?? {})[next.field]);
    holder = `record "${row.id}"`;
  }
  // The engine always gives at least one hop; an empty list names no record.
  return { missing: 'no record to write to' };
}
