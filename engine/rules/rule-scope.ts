/**
 * @module The data a rule's condition, mappings and notification templates read. `record` and
 * `previous` are the data of the triggering record and of its version before the change; system
 * facts about the event sit under `trigger` so a form field named `id` or `stage` cannot clash.
 */
import type { GroupValues } from './rule-firing-key';
import type { RuleEvent, RuleRecord } from './rule-record';
import type { WindowInfo } from './rule-window';

export interface RuleScope {
  record: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
  aggregates: Record<string, unknown>;
  group: GroupValues;
  window: WindowInfo | null;
  trigger: {
    type: string;
    at: string;
    recordId: string | null;
    form: string | null;
    stage: string | null;
    createdAt: string | null;
  };
  rule: { key: string };
}

/** The sub-keys each fixed scope root has; `record`, `previous`, `aggregates` and `group` are checked against the definition. */
export const FIXED_SCOPE_KEYS: Record<'window' | 'trigger' | 'rule', readonly string[]> = {
  window: ['key', 'start', 'end'],
  trigger: ['type', 'at', 'recordId', 'form', 'stage', 'createdAt'],
  rule: ['key'],
};

export function buildScope(input: {
  ruleKey: string;
  event: RuleEvent;
  record: RuleRecord | undefined;
  previous: RuleRecord | null | undefined;
  aggregates: Record<string, unknown>;
  group: GroupValues;
  window: WindowInfo | null;
}): RuleScope {
  const { event, record } = input;
  return {
    record: record ? record.data : null,
    previous: input.previous ? input.previous.data : null,
    aggregates: input.aggregates,
    group: input.group,
    window: input.window,
    trigger: {
      type: event.type,
      at: event.at,
      recordId: record?.id ?? null,
      form: record?.form ?? ('form' in event ? event.form : null),
      stage: record?.stage ?? ('stage' in event ? (event.stage ?? null) : null),
      createdAt: record?.createdAt ?? null,
    },
    rule: { key: input.ruleKey },
  };
}
