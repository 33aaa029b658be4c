/**
 * @module Submitting a record to a form: in one transaction, the customer it names resolved and its
 * values filled in (`runtime/customers/customer-reference.ts`), the data validated against the form's
 * latest published version (422 with the issues, and nothing stored, when invalid); then the record
 * (revision 1, form version pinned, customer column from the form's customer field), its first revision
 * row, the `record.created` event, and — when a flow moves the form's records — the started flow
 * instance (flow version pinned) with its effects carried out.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Locale } from '../../engine';
import { missingFileIssues } from '../attachments/check-file-refs';
import { resolveCustomer } from '../customers/customer-reference';
import { invalid } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import type { ContextOverrides } from './flow-inputs';
import { loadPublishedForm, type PublishedForm } from './published-form';
import { readRecord, type RecordDetail } from './read-record';
import type { Actor } from './record-rows';
import { storeNewRecords } from './store-new-records';

export interface SubmitInput extends ContextOverrides {
  data: unknown;
}

export async function submitRecord(
  runtime: RuntimeContext,
  formKey: string,
  input: SubmitInput,
  actor: Actor,
  locale: Locale = 'en',
): Promise<RecordDetail> {
  const now = runtime.clock.now();
  const form = await loadPublishedForm(runtime, formKey);
  const id = randomUUID();

  await runtime.db.knex.transaction(async (trx) => {
    // The customer's values are copied in before validation, in the transaction that stores them.
    const given = isObject(input.data) ? input.data : {};
    const customer = isObject(input.data)
      ? await resolveCustomer(trx, form, input.data, { given, locale })
      : { data: input.data, issues: [] };
    const checked = form.compiled.validate(customer.data, { now, locale });
    if (!checked.ok || customer.issues.length > 0)
      throw invalid([...customer.issues, ...checked.issues], `The ${formKey} record has invalid values`);
    const data = checked.value;
    const missingFiles = await missingFileIssues(trx, form.definition, data, locale);
    if (missingFiles.length > 0)
      throw invalid(missingFiles, `The ${formKey} record refers to files never uploaded`);
    await storeNewRecord(runtime, trx, { id, formKey, form, data, overrides: input, actor, now });
  });
  return readRecord(runtime, id);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface NewRecord {
  id: string;
  formKey: string;
  form: PublishedForm;
  /** Data already validated against `form`. */
  data: Record<string, unknown>;
  overrides: ContextOverrides;
  actor: Actor;
  now: Date;
}

/**
 * Stores a validated record inside the caller's transaction: the row, its first revision, the
 * `record.created` event and its started flow with the effects. Used by submissions and by rule
 * actions, whose firing and created record must commit together; the bulk import stores its batches
 * with `storeNewRecords`, the same steps for many records at once.
 */
export async function storeNewRecord(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  record: NewRecord,
): Promise<void> {
  await storeNewRecords(runtime, trx, [record]);
}
