/**
 * @module A form's published version as records use it: the definition, its compiled validator (compiled
 * once per content hash) and the key of its customer field, whose value the record keeps in
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
    compiled: compiledOf(stored.body, stored.hash),
    customerField: customer?.key ?? null,
  };
}

/**
 * The validator of a stored body, compiled once per content (its hash, which leaves the version number
 * out): requests that read the same version at the same moment, before any of them is kept
 * (`publishedVersion`), each parse their own copy of the body, and compiling one takes tens of
 * milliseconds. Compiled without its version number: the engine would share it by `key@version`,
 * which names different forms in two databases, or after a publish that rolled back.
 */
const compiledByHash = new Map<string, CompiledForm>();
/** Enough for every form version a large app's records pin; the oldest compiled goes first. */
const MAX_COMPILED = 500;

function compiledOf(body: FormDefinition, hash: string): CompiledForm {
  let compiled = compiledByHash.get(hash);
  if (!compiled) {
    const { version: _version, ...unnumbered } = body;
    compiled = compileForm(unnumbered as FormDefinition);
    if (compiledByHash.size >= MAX_COMPILED)
      compiledByHash.delete(compiledByHash.keys().next().value as string);
    compiledByHash.set(hash, compiled);
  }
  return compiled;
}

/** The customer column's value: the customer field's value when it is a non-empty string. */
export function customerOf(form: PublishedForm, data: Record<string, unknown>): string | null {
  if (!form.customerField) return null;
  const value = data[form.customerField];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 64) : null;
}
