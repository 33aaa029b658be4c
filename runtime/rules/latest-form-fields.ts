/**
 * @module The fields of a form's latest published version, keyed by field key: what rule aggregates,
 * filters and group-bys are typed by when they become SQL. An unknown form has no fields.
 */
import type { Knex } from 'knex';
import { listFormFields, type FieldInfo, type FormDefinition } from '../../engine';
import { readJson } from '../storage/json-value';

export async function latestFormFields(trx: Knex.Transaction, form: string): Promise<Map<string, FieldInfo>> {
  const row = (await trx('definitions')
    .where({ kind: 'form', key: form })
    .andWhere('version', '>', 0)
    .orderBy('version', 'desc')
    .first('body')) as { body: unknown } | undefined;
  return new Map(row ? listFormFields(readJson<FormDefinition>(row.body)).map((f) => [f.key, f]) : []);
}
