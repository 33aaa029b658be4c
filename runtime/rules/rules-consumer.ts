/**
 * @module The `rules` outbox consumer: every record event (created, updated, stage entered, SLA
 * warning or breach) is offered to the published, enabled rules whose trigger matches; aggregates are
 * computed in SQL, the engine decides, and a firing is stored under its idempotency key (rule, group,
 * window) — a unique index — together with what its actions create, in the same transaction. A
 * threshold therefore fires once per group and window, however many records cross it and however
 * often a batch is retried. Actions that reach outside (notify, webhook) become `action.requested`
 * events that the delivery consumers carry out.
 */
import type { Knex } from 'knex';
import {
  aggregateRequests,
  evaluateRule,
  ExpressionError,
  firingIdentity,
  groupKey,
  listFormFields,
  matchesTrigger,
  type FieldInfo,
  type FormDefinition,
  type RuleDefinition,
  type RuleEvaluation,
  type RuleEvent,
  type RuleRecord,
} from '../../engine';
import { appendEvent } from '../events/append-event';
import type { OutboxConsumer, OutboxEvent } from '../outbox/drain-outbox';
import type { RuntimeContext } from '../runtime-context';
import { readJson } from '../storage/json-value';
import { aggregateInSql } from './aggregate-in-sql';
import { latestFormFields } from './latest-form-fields';
import { storeFiring } from './store-firing';

/** Runtime event types → the engine's rule event types. */
const RULE_EVENT_TYPES: Record<string, RuleEvent['type']> = {
  'record.created': 'record.created',
  'record.updated': 'record.updated',
  'stage.entered': 'stage.entered',
  'sla.warning': 'sla.warning',
  'sla.breached': 'sla.breach',
};

interface RevisionRow {
  revision: number;
  stage: string | null;
  data: unknown;
  at: number;
}

async function publishedRules(trx: Knex.Transaction): Promise<RuleDefinition[]> {
  const rows = (await trx('definitions')
    .where({ kind: 'rule' })
    .andWhere('version', '>', 0)
    .orderBy([{ column: 'key' }, { column: 'version', order: 'desc' }])
    .select('key', 'body')) as { key: string; body: unknown }[];
  const latest = new Map<string, RuleDefinition>();
  for (const row of rows) if (!latest.has(row.key)) latest.set(row.key, readJson<RuleDefinition>(row.body));
  return [...latest.values()].filter((rule) => rule.enabled !== false);
}

/** The record version the event is about, and the one before it (for `record.updated`). */
async function recordVersions(trx: Knex.Transaction, event: OutboxEvent) {
  const record = (await trx('records').where({ id: event.streamId }).first()) as
    { id: string; form_key: string; created_at: number; stage: string | null; revision: number } | undefined;
  if (!record) return undefined;
  const revision =
    typeof event.payload.revision === 'number' ? event.payload.revision : Number(record.revision);
  const rows = (await trx('record_revisions')
    .where({ record_id: record.id })
    .whereIn('revision', [revision, revision - 1])
    .select('revision', 'stage', 'data', 'at')) as RevisionRow[];
  const toRule = (row: RevisionRow | undefined): RuleRecord | undefined =>
    row && {
      id: record.id,
      form: record.form_key,
      data: readJson(row.data),
      createdAt: new Date(Number(record.created_at)).toISOString(),
      updatedAt: new Date(Number(row.at)).toISOString(),
      stage: row.stage ?? record.stage,
      revision: row.revision,
    };
  const current = toRule(rows.find((r) => r.revision === revision));
  const previous =
    event.type === 'record.updated' ? toRule(rows.find((r) => r.revision === revision - 1)) : undefined;
  return current && { record: current, previous };
}

/**
 * What one batch reads once instead of per event: the published rules and the fields of each form.
 * Keyed by the batch's transaction, so a rule published in between is seen by the next batch.
 */
interface BatchReads {
  rules: Promise<RuleDefinition[]>;
  fields: Map<string, Promise<Map<string, FieldInfo>>>;
}

const batchReads = new WeakMap<Knex.Transaction, BatchReads>();

function readsOf(runtime: RuntimeContext, trx: Knex.Transaction) {
  let reads = batchReads.get(trx);
  if (!reads) {
    reads = { rules: publishedRules(trx), fields: new Map() };
    batchReads.set(trx, reads);
  }
  const cached = reads;
  return {
    rules: () => cached.rules,
    fields(form: string) {
      let fields = cached.fields.get(form);
      if (!fields) {
        fields = latestFormFields(trx, form);
        cached.fields.set(form, fields);
      }
      return fields;
    },
  };
}

/**
 * False when no published rule can match the event whatever the record holds: no trigger of its type
 * on the form the event names (every record event's payload names its form). Most events concern no
 * rule, and they need not read the record's versions.
 */
function mayConcernARule(rules: RuleDefinition[], event: OutboxEvent): boolean {
  const form = event.payload.form;
  if (typeof form !== 'string') return true;
  const type = RULE_EVENT_TYPES[event.type];
  return rules.some(
    (rule) => rule.trigger.type === type && 'form' in rule.trigger && rule.trigger.form === form,
  );
}

/**
 * Records that `rule` could not be evaluated for the record's event: a `rule.evaluation-failed` event
 * on the rule's stream with the issues, and a warning in the log.
 */
async function recordEvaluationFailure(
  runtime: RuntimeContext,
  trx: Knex.Transaction,
  rule: RuleDefinition,
  recordId: string,
  event: OutboxEvent,
  error: ExpressionError,
): Promise<void> {
  runtime.logger.warn('rule not evaluated', { rule: rule.key, recordId, error: error.message });
  await appendEvent(trx, {
    stream: 'rule',
    streamId: rule.key,
    type: 'rule.evaluation-failed',
    actor: null,
    at: event.at,
    payload: { rule: rule.key, recordId, eventId: event.id, issues: error.issues },
  });
}

export function createRulesConsumer(): OutboxConsumer {
  return {
    name: 'rules',
    accepts: (event) => event.stream === 'record' && event.type in RULE_EVENT_TYPES,
    async handle(event, trx, runtime) {
      const reads = readsOf(runtime, trx);
      if (!mayConcernARule(await reads.rules(), event)) return;
      const versions = await recordVersions(trx, event);
      if (!versions) return;
      const { record, previous } = versions;
      const at = new Date(event.at).toISOString();
      const type = RULE_EVENT_TYPES[event.type]!;
      const ruleEvent = (
        type === 'record.created' || type === 'record.updated'
          ? { type, form: record.form, recordId: record.id, at }
          : {
              type,
              form: record.form,
              recordId: record.id,
              at,
              stage: String(event.payload.stage ?? record.stage ?? ''),
            }
      ) as RuleEvent;
      /** The rule's aggregates for this record, and the engine's verdict. */
      const decide = async (rule: RuleDefinition) => {
        const aggregates: Record<string, number | null> = {};
        const behind: string[] = [];
        for (const request of aggregateRequests(rule, record, at)) {
          const result = await aggregateInSql(
            trx,
            runtime.db.dialect,
            request,
            await reads.fields(request.form),
            { cutOff: { event: { txId: event.txId, id: event.id } } },
          );
          aggregates[request.name] = result.value;
          if (behind.length === 0) behind.push(...result.recordIds);
        }
        // The cool-down is per group: when did this rule last fire for the record's group?
        const group = groupKey(firingIdentity(rule, record, ruleEvent, at).group);
        const last = (await trx('rule_firings')
          .where({ rule_key: rule.key, group_key: group })
          .max({ at: 'at' })
          .first()) as { at: number | null } | undefined;
        const outcome = evaluateRule(rule, {
          event: ruleEvent,
          record,
          previous: previous ?? null,
          aggregates,
          now: at,
          lastFiredAt: last?.at ? new Date(Number(last.at)).toISOString() : null,
        });
        return { outcome, behind };
      };
      for (const rule of await reads.rules()) {
        if (!matchesTrigger(rule, ruleEvent)) continue;
        let decided: { outcome: RuleEvaluation; behind: string[] };
        try {
          decided = await decide(rule);
        } catch (error) {
          // A condition or filter that overspends its evaluation budget on this record fails this
          // rule for this event only: recorded and passed over, never a batch retried for ever that
          // would hold up every other rule behind it.
          if (!(error instanceof ExpressionError)) throw error;
          await recordEvaluationFailure(runtime, trx, rule, record.id, event, error);
          continue;
        }
        const { outcome, behind } = decided;
        if (!outcome.fired) continue;
        await storeFiring(runtime, trx, {
          rule,
          outcome,
          records: behind.length > 0 ? behind : [record.id],
          recordId: record.id,
          at: event.at,
        });
      }
    },
  };
}
