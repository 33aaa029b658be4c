/**
 * @module A form's published version as records use it: the definition, its compiled validator (cached
 * by the engine per `key@version`) and the key of its customer field, whose value the record keeps in
 * its `customer` column.
 */
import type { Knex } from 'knex';
import { compileForm, listFormFields, type CompiledForm, type FormDefinition } from '../../engine';
import { DefinitionStore } from '../definitions/definition-store';
import type { RuntimeContext } from '../runtime-context';

export interface PublishedForm {
  key: string;
  version: number;
  definition: FormDefinition;
  compiled: CompiledForm;
  /** The top-level field of type `customer`, if the form has one. */
  customerField: string | null;
}

export async function loadPublishedForm(
  runtime: RuntimeContext,
  key: string,
  version?: number,
  trx: Knex | Knex.Transaction = runtime.db.knex,
): Promise<PublishedForm> {
  const stored = await new DefinitionStore(runtime).getPublished<FormDefinition>('form', key, version, trx);
  const customer = listFormFields(stored.body).find((f) => f.type === 'customer' && !f.key.includes('.'));
  return {
    key,
    version: stored.version,
    definition: stored.body,
    compiled: compileForm(stored.body),
    customerField: customer?.key ?? null,
  };
}

/** The customer column's value: the customer field's value when it is a non-empty string. */
export function customerOf(form: PublishedForm, data: Record<string, unknown>): string | null {
  if (!form.customerField) return null;
  const value = data[form.customerField];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 64) : null;
}
