/**
 * @module Updating a record's data (`PATCH /api/records/:id`) under optimistic concurrency: the caller
 * names the revision it read (`If-Match`); a different current revision is 409 `stale-revision` and
 * nothing changes. The partial data is merged (a changed customer fills its fields again), re-validated
 * against the record's pinned form version (422 and nothing stored when invalid) and stored as the next
 * revision; the flow gets `record.updated` with the changed fields (and a changed tier / priority),
 * which may re-target running SLA clocks as their policies say. A record whose flow has finished is
 * only updated.
 *
 * `applyRecordUpdate` is that core inside a caller's transaction (a rule's `set-fields` action runs it
 * in its firing's transaction, on the current revision); `updateRecord` wraps it for the API.
 */
import type { Knex } from 'knex';
import type { Locale } from '../../engine';
import { applyFlowStep } from '../flows/apply-flow-step';
import { stepScope } from '../flows/step-scope';
import { loadFlow } from '../flows/flow-loader';
import { missingFileIssues } from '../attachments/check-file-refs';
import { resolveCustomer } from '../customers/customer-reference';
import { invalid, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { refusalError, tierAndPriority, type ContextOverrides } from './flow-inputs';
import { customerOf, loadPublishedForm } from './published-form';
import { readRecord, type RecordDetail } from './read-record';
import { changedFields, storeDataChange, type FieldChange } from './record-revisions';
import { loadInstance, lockRecord, snapshotOf, type Actor, type RecordData } from './record-rows';

export interface UpdateInput extends ContextOverrides {
  data: RecordData;
}

export interface UpdateOptions {
  actor: Actor;
  now: Date;
  locale?: Locale;
  /** The revision the caller read (`If-Match`); undefined acts on the current revision. */
  expectedRevision?: number;
}

export interface UpdateOutcome {
  /** The record's revision after the update (unchanged when nothing changed). */
  revision: number;
  changes: FieldChange[];
}

function staleRevision(current: number, expected: number): UserError {
  return new UserError(
    409,
    'stale-revision',
    `The record is at revision ${current}, not ${expected}; reload it and try again`,
    [
      {
        code: 'stale-revision',
        path: '/revision',
        params: { current, expected },
        message: `Current revision is ${current}`,
      },
    ],
  );
}

/**
 * Updates record `id` inside `trx`, locking its row first. Every refusal (stale revision, invalid
 * values, a flow that refuses the update) is thrown as a `UserError` before anything is written.
 */
export async function applyRecordUpdate(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  id: string,
  input: UpdateInput,
  { actor, now, locale = 'en', expectedRevision }: UpdateOptions,
): Promise<UpdateOutcome> {
  const at = now.getTime();
  const row = await lockRecord(trx, runtime.db.dialect, id);
  const current = Number(row.revision);
  if (expectedRevision !== undefined && current !== expectedRevision) {
    throw staleRevision(current, expectedRevision);
  }
  const form = await loadPublishedForm(runtime, row.form_key, Number(row.form_version), trx);
  const before = readJson<RecordData>(row.data) ?? {};
  // A changed customer fills its fields again before the merged data is validated.
  const merged = { ...before, ...input.data };
  const customer = await resolveCustomer(trx, form, merged, { given: input.data, previous: before, locale });
  const checked = form.compiled.validate(customer.data, { now, locale });
  if (!checked.ok || customer.issues.length > 0)
    throw invalid([...customer.issues, ...checked.issues], 'The updated record has invalid values');
  const missingFiles = await missingFileIssues(trx, form.definition, checked.value, locale);
  if (missingFiles.length > 0)
    throw invalid(missingFiles, 'The updated record refers to files never uploaded');
  const changes = changedFields(before, checked.value);
  const contextChange = tierAndPriority(Object.fromEntries(changes.map((c) => [c.field, c.after])), input);
  if (changes.length === 0 && Object.keys(contextChange).length === 0) return { revision: current, changes };

  const storeData = async () =>
    changes.length === 0
      ? current
      : storeDataChange(trx, {
          row,
          data: checked.value,
          changes,
          customer: customerOf(form, checked.value),
          actor: actor.id,
          now: at,
        });

  const instance = await loadInstance(trx, id);
  const snapshot = instance ? snapshotOf(instance) : null;
  if (instance && snapshot && snapshot.status === 'active') {
    const loaded = await loadFlow(runtime, trx, instance.flow_key, Number(instance.flow_version));
    const event = {
      type: 'record.updated',
      data: Object.fromEntries(changes.map((c) => [c.field, c.after])),
      ...contextChange,
    };
    const result = loaded.flow.send(snapshot, event, now, { locale });
    if (!result.ok) throw refusalError(result.reason, result.issues);
    // Store the data first: stage changes the update may cause then come after it in the timeline.
    const revision = await storeData();
    await applyFlowStep(
      stepScope(runtime, trx, { recordId: id, formKey: row.form_key }, loaded, actor.id, at),
      result,
      false,
    );
    return { revision, changes };
  }
  return { revision: await storeData(), changes };
}

export async function updateRecord(
  runtime: RuntimeContext,
  id: string,
  expectedRevision: number,
  input: UpdateInput,
  actor: Actor,
  locale: Locale = 'en',
): Promise<RecordDetail> {
  const now = runtime.clock.now();
  await runtime.db.knex.transaction((trx) =>
    applyRecordUpdate(runtime, trx, id, input, { actor, now, locale, expectedRevision }),
  );
  return readRecord(runtime, id);
}
