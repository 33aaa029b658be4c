/**
 * @module Updating a record's data (`PATCH /api/records/:id`) under optimistic concurrency: the caller
 * names the revision it read (`If-Match`); a different current revision is 409 `stale-revision` and
 * nothing changes. The partial data is merged, re-validated against the record's pinned form version
 * (422 and nothing stored when invalid) and stored as the next revision; the flow gets
 * `record.updated` with the changed fields (and a changed tier / priority), which may re-target
 * running SLA clocks as their policies say. A record whose flow has finished is only updated.
 */
import type { Locale } from '../../engine';
import { applyFlowStep } from '../flows/apply-flow-step';
import { stepScope } from '../flows/step-scope';
import { loadFlow } from '../flows/flow-loader';
import { invalid, UserError } from '../http/errors';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { refusalError, tierAndPriority, type ContextOverrides } from './flow-inputs';
import { customerOf, loadPublishedForm } from './published-form';
import { readRecord, type RecordDetail } from './read-record';
import { changedFields, storeDataChange } from './record-revisions';
import { loadInstance, lockRecord, snapshotOf, type Actor, type RecordData } from './record-rows';

export interface UpdateInput extends ContextOverrides {
  data: RecordData;
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
  const at = now.getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const row = await lockRecord(trx, runtime.db.dialect, id);
    if (Number(row.revision) !== expectedRevision) {
      throw new UserError(
        409,
        'stale-revision',
        `The record is at revision ${row.revision}, not ${expectedRevision}; reload it and try again`,
        [
          {
            code: 'stale-revision',
            path: '/revision',
            params: { current: Number(row.revision), expected: expectedRevision },
            message: `Current revision is ${row.revision}`,
          },
        ],
      );
    }
    const form = await loadPublishedForm(runtime, row.form_key, Number(row.form_version), trx);
    const before = readJson<RecordData>(row.data) ?? {};
    const checked = form.compiled.validate({ ...before, ...input.data }, { now, locale });
    if (!checked.ok) throw invalid(checked.issues, 'The updated record has invalid values');
    const changes = changedFields(before, checked.value);
    const contextChange = tierAndPriority(Object.fromEntries(changes.map((c) => [c.field, c.after])), input);
    if (changes.length === 0 && Object.keys(contextChange).length === 0) return;

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
      if (changes.length > 0) {
        await storeDataChange(trx, {
          row,
          data: checked.value,
          changes,
          customer: customerOf(form, checked.value),
          actor: actor.id,
          now: at,
        });
      }
      await applyFlowStep(
        stepScope(runtime, trx, { recordId: id, formKey: row.form_key }, loaded, actor.id, at),
        result,
        false,
      );
      return;
    }
    if (changes.length > 0) {
      await storeDataChange(trx, {
        row,
        data: checked.value,
        changes,
        customer: customerOf(form, checked.value),
        actor: actor.id,
        now: at,
      });
    }
  });
  return readRecord(runtime, id);
}
