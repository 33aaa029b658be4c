/**
 * @module Stores validated new records inside the caller's transaction, many at once: the rows, their
 * first revisions and their `record.created` events in multi-row statements, the flow of each form
 * looked up once, then each record's flow started with its effects carried out (`applyFlowStep`).
 * `storeNewRecord` (one record: submissions, rule actions) and the bulk import both come here, so a
 * record is stored the same way whichever path brings it; a batch costs three statements per table
 * chunk instead of three per record, plus the flow starts.
 */
import type { Knex } from 'knex';
import { applyFlowStep } from '../flows/apply-flow-step';
import { flowForForm, type LoadedFlow } from '../flows/flow-loader';
import { stepScope } from '../flows/step-scope';
import { appendEvents, type NewEvent } from '../events/append-event';
import type { RuntimeContext } from '../runtime-context';
import { writeJson } from '../storage/json-value';
import { tierAndPriority } from './flow-inputs';
import { customerOf } from './published-form';
import type { NewRecord } from './submit-record';

/** Rows per insert: 12 values each keeps a statement far below SQLite's and PostgreSQL's bound-value limits. */
const ROWS_PER_INSERT = 500;

async function insertChunked(trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx(table).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/**
 * Stores `records` in order: every row, revision and `record.created` event first (ids ascending in
 * the given order), then each record's started flow. A record's own events keep their order — created,
 * then what its flow's start did.
 */
export async function storeNewRecords(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  records: readonly NewRecord[],
): Promise<void> {
  const flows = new Map<string, LoadedFlow | null>();
  for (const { formKey } of records) {
    if (!flows.has(formKey)) flows.set(formKey, await flowForForm(runtime, trx, formKey));
  }
  // The engine's start is pure, so the stage each record starts in is known before anything is written.
  const starts = records.map((record) => {
    const loaded = flows.get(record.formKey)!;
    if (!loaded) return null;
    const context = { data: record.data, ...tierAndPriority(record.data, record.overrides) };
    return { loaded, step: loaded.flow.start(context, record.now) };
  });
  const rows = records.map(({ id, formKey, form, data, actor, now }) => ({
    id,
    form_key: formKey,
    form_version: form.version,
    stage: null,
    assignee: null,
    customer: customerOf(form, data),
    revision: 1,
    data: writeJson(data),
    created_by: actor.id,
    created_at: now.getTime(),
    updated_by: actor.id,
    updated_at: now.getTime(),
  }));
  await insertChunked(trx, 'records', rows);
  await insertChunked(
    trx,
    'record_revisions',
    records.map(({ id, actor, now }, i) => ({
      record_id: id,
      revision: 1,
      // The first revision row names the stage the record started in.
      stage: starts[i]?.step.snapshot.stage ?? null,
      data: rows[i]!.data,
      by: actor.id,
      at: now.getTime(),
    })),
  );
  await appendEvents(
    trx,
    records.map(({ id, formKey, form, data, actor, now }, i): NewEvent => {
      const loaded = starts[i]?.loaded;
      return {
        stream: 'record',
        streamId: id,
        type: 'record.created',
        actor: actor.id,
        at: now.getTime(),
        payload: {
          form: formKey,
          formVersion: form.version,
          revision: 1,
          data,
          flow: loaded ? { key: loaded.key, version: loaded.version } : null,
        },
      };
    }),
  );
  for (const [i, record] of records.entries()) {
    const start = starts[i];
    if (!start) continue;
    const at = record.now.getTime();
    const scope = stepScope(
      runtime,
      trx,
      { recordId: record.id, formKey: record.formKey },
      start.loaded,
      record.actor.id,
      at,
    );
    await applyFlowStep(scope, start.step, true);
  }
}
