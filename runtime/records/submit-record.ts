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
import { applyFlowStep } from '../flows/apply-flow-step';
import { stepScope } from '../flows/step-scope';
import { flowForForm } from '../flows/flow-loader';
import { missingFileIssues } from '../attachments/check-file-refs';
import { resolveCustomer } from '../customers/customer-reference';
import { appendEvent } from '../events/append-event';
import { invalid } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { writeJson } from '../storage/json-value';
import { tierAndPriority, type ContextOverrides } from './flow-inputs';
import { customerOf, loadPublishedForm, type PublishedForm } from './published-form';
import { readRecord, type RecordDetail } from './read-record';
import type { Actor } from './record-rows';

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
 * actions, whose firing and created record must commit together.
 */
export async function storeNewRecord(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  record: NewRecord,
): Promise<void> {
  const { id, formKey, form, data, actor, now } = record;
  const input = record.overrides;
  const at = now.getTime();
  const loaded = await flowForForm(runtime, trx, formKey);
  await trx('records').insert({
    id,
    form_key: formKey,
    form_version: form.version,
    stage: null,
    assignee: null,
    customer: customerOf(form, data),
    revision: 1,
    data: writeJson(data),
    created_by: actor.id,
    created_at: at,
    updated_by: actor.id,
    updated_at: at,
  });
  await trx('record_revisions').insert({
    record_id: id,
    revision: 1,
    stage: null,
    data: writeJson(data),
    by: actor.id,
    at,
  });
  await appendEvent(trx, {
    stream: 'record',
    streamId: id,
    type: 'record.created',
    actor: actor.id,
    at,
    payload: {
      form: formKey,
      formVersion: form.version,
      revision: 1,
      data,
      flow: loaded ? { key: loaded.key, version: loaded.version } : null,
    },
  });
  if (!loaded) return;
  const started = loaded.flow.start({ data, ...tierAndPriority(data, input) }, now);
  await applyFlowStep(
    stepScope(runtime, trx, { recordId: id, formKey }, loaded, actor.id, at),
    started,
    true,
  );
  // The first revision row names the stage the record started in.
  const stage = started.snapshot.stage;
  await trx('record_revisions').where({ record_id: id, revision: 1 }).update({ stage });
}
