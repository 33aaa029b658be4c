/**
 * @module A form's published version as records use it: the definition, its compiled validator (cached
 * by the engine per `key@version`) and the key of its customer field, whose value the record keeps in
 * its `customer` column.
 */
import type { Knex } from 'knex';
import { compileForm, listFormFields, type CompiledForm, type FormDefinition } from '../../engine';
import { latestPublishedVersion, publishedVersion } from '../definitions/published-versions';
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
  // The pinned version is read once per process; the latest is one small query for its number.
  const stored =
    version === undefined
      ? await latestPublishedVersion<FormDefinition>(runtime, 'form', key, trx)
      : await publishedVersion<FormDefinition>(runtime, 'form', key, version, trx);
  const customer = listFormFields(stored.body).find((f) => f.type === 'customer' && !f.key.includes('.'));
  return {
    key,
    version: stored.version,
    definition: stored.body,
    compiled: compiledOf(stored.body),
    customerField: customer?.key ?? null,
  };
}

/**
 * The validator of a stored body, compiled once per body (`publishedVersion` keeps one per database
 * and version). Compiled without its version number: the engine would share it by `key@version`, which
 * names different forms in two databases, or after a publish that rolled back.
 */
const compiledBodies = new WeakMap<FormDefinition, CompiledForm>();

function compiledOf(body: FormDefinition): CompiledForm {
  let compiled = compiledBodies.get(body);
  if (!compiled) {
    const { version: _version, ...unnumbered } = body;
    compiled = compileForm(unnumbered as FormDefinition);
    compiledBodies.set(body, compiled);
  }
  return compiled;
}

/** The customer column's value: the customer field's value when it is a non-empty string. */
export function customerOf(form: PublishedForm, data: Record<string, unknown>): string | null {
  if (!form.customerField) return null;
  const value = data[form.customerField];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 64) : null;
}
