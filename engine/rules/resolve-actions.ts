/**
 * @module Turns a firing rule's actions into plain instructions with every mapping evaluated, so the
 * runtime only carries them out. Each carries an idempotency key (`<firing key>#<index>`) the runtime
 * uses to do it at most once (webhook delivery id, created record's origin, notification id).
 */
import { evaluateExpression } from '../expressions/evaluate-expression';
import { readPath } from '../expressions/safe-var';
import type { LocalizedText } from '../issues/locale';
import type { LinkedRecord, Recipient, RuleAction } from './rule-definition.schema';
import type { RuleScope } from './rule-scope';

/** The record an action acts on: the triggering record, or the one created by action `action`. */
export type ActionTarget = { kind: 'record'; id: string } | { kind: 'created'; action: number };

/** One step from a record to another: the field holding the next record's id, and that record's form. */
export interface LinkHop {
  field: string;
  form: string;
}

/**
 * Another stored record a set-fields action writes to: `id` is read from the triggering record's
 * field `hops[0].field` (`null` when empty or not a single text value); the runtime loads it, checks
 * its form, and follows any further hop from that record's data.
 */
export interface LinkedTarget {
  kind: 'linked';
  id: string | null;
  hops: LinkHop[];
}

/** A JSON value a lookup compares a field with. */
export type LookupValue = string | number | boolean;

/**
 * A lookup with its match values read from the record the action reads (`null` when that field is
 * empty or not a single value, which matches no record); the runtime finds the user in SQL.
 */
export interface ResolvedLookup {
  form: string;
  match: Record<string, LookupValue | null>;
  field: string;
}

/**
 * A recipient with any `field` read: the user id found there (`null` when empty), a role, or a lookup
 * with its match values read.
 */
export type ResolvedRecipient =
  { user: string | null; field?: string } | { role: string } | { lookup: ResolvedLookup };

type Keyed<T> = T & { idempotencyKey: string };

export type ResolvedAction = Keyed<
  | { type: 'create-record'; form: string; data: Record<string, unknown> }
  | { type: 'start-flow'; flow: string; target: ActionTarget }
  | { type: 'set-fields'; target: ActionTarget | LinkedTarget; values: Record<string, unknown> }
  | { type: 'assign'; target: ActionTarget; assignee: ResolvedRecipient }
  | { type: 'notify'; to: ResolvedRecipient[]; text: LocalizedText }
  | { type: 'webhook'; url: string; secretRef?: string; payload: WebhookPayload }
>;

export interface WebhookPayload {
  rule: string;
  key: string;
  group: Record<string, unknown>;
  window: RuleScope['window'];
  recordId: string | null;
  aggregates: Record<string, unknown>;
  at: string;
}

/** Index of the nearest create-record action before `index`, or -1. */
export function precedingCreate(actions: readonly RuleAction[], index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) if (actions[i]?.type === 'create-record') return i;
  return -1;
}

/** `{{ path }}` placeholders in a notification template. */
export const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function fillTemplate(template: string, scope: RuleScope): string {
  return template.replace(PLACEHOLDER, (_whole, path: string) => {
    const value = readPath(scope, path);
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

function evaluateMap(map: Record<string, unknown>, scope: RuleScope, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, logic] of Object.entries(map))
    out[field] = evaluateExpression(logic, scope, { now }) ?? null;
  return out;
}

function lookupValue(value: unknown): LookupValue | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

function resolveRecipient(to: Recipient, data: Record<string, unknown> | null): ResolvedRecipient {
  if ('role' in to) return { role: to.role };
  if ('user' in to) return { user: to.user };
  if ('lookup' in to) {
    const match: Record<string, LookupValue | null> = {};
    for (const [key, source] of Object.entries(to.lookup.match))
      match[key] = lookupValue(data ? readPath(data, source) : undefined);
    return { lookup: { form: to.lookup.form, match, field: to.lookup.field } };
  }
  const value = data ? readPath(data, to.field) : undefined;
  return { user: typeof value === 'string' && value !== '' ? value : null, field: to.field };
}

/** The hops to a linked record, each with the form the record it reaches must be. */
function linkedTarget(linked: LinkedRecord, data: Record<string, unknown> | null): LinkedTarget {
  const [first = '', second] = linked.via;
  const hops: LinkHop[] =
    second === undefined
      ? [{ field: first, form: linked.form }]
      : [
          { field: first, form: linked.through ?? linked.form },
          { field: second, form: linked.form },
        ];
  const value = data ? readPath(data, first) : undefined;
  return { kind: 'linked', id: typeof value === 'string' && value.trim() !== '' ? value.trim() : null, hops };
}

export interface ResolveContext {
  scope: RuleScope;
  firingKey: string;
  now: number;
}

export function resolveActions(
  actions: readonly RuleAction[],
  { scope, firingKey, now }: ResolveContext,
): ResolvedAction[] {
  const resolved: ResolvedAction[] = [];
  const created = new Map<number, Record<string, unknown>>();
  const recordId = scope.trigger.recordId;
  const onRecord = (): ActionTarget => {
    // The definition check forbids record targets on scheduled rules, so this means a bug upstream.
    if (recordId === null) throw new Error('rule action needs a triggering record');
    return { kind: 'record', id: recordId };
  };
  const targetOf = (index: number, explicit: 'record' | 'created' | undefined): ActionTarget => {
    const create = precedingCreate(actions, index);
    const kind = explicit ?? (create >= 0 ? 'created' : 'record');
    if (kind === 'record') return onRecord();
    if (create < 0) throw new Error('rule action targets a created record but none precedes it');
    return { kind: 'created', action: create };
  };
  const targetData = (target: ActionTarget) =>
    target.kind === 'record' ? scope.record : (created.get(target.action) ?? null);

  actions.forEach((action, index) => {
    const idempotencyKey = `${firingKey}#${index}`;
    switch (action.type) {
      case 'create-record': {
        const data = evaluateMap(action.map, scope, now);
        created.set(index, data);
        resolved.push({ type: 'create-record', form: action.form, data, idempotencyKey });
        return;
      }
      case 'start-flow':
        resolved.push({
          type: 'start-flow',
          flow: action.flow,
          target: targetOf(index, action.target),
          idempotencyKey,
        });
        return;
      case 'set-fields':
        resolved.push({
          type: 'set-fields',
          // Values are always computed from the triggering record, whichever record they go to.
          target: action.record ? linkedTarget(action.record, scope.record) : onRecord(),
          values: evaluateMap(action.values, scope, now),
          idempotencyKey,
        });
        return;
      case 'assign': {
        const target = targetOf(index, action.target);
        resolved.push({
          type: 'assign',
          target,
          assignee: resolveRecipient(action.to, targetData(target)),
          idempotencyKey,
        });
        return;
      }
      case 'notify': {
        const text: LocalizedText = {};
        for (const [locale, template] of Object.entries(action.template) as [keyof LocalizedText, string][]) {
          text[locale] = fillTemplate(template, scope);
        }
        const to = action.to.map((r) => resolveRecipient(r, scope.record));
        resolved.push({ type: 'notify', to, text, idempotencyKey });
        return;
      }
      case 'webhook': {
        const payload: WebhookPayload = {
          rule: scope.rule.key,
          key: firingKey,
          group: scope.group,
          window: scope.window,
          recordId,
          aggregates: scope.aggregates,
          at: new Date(now).toISOString(),
        };
        resolved.push({
          type: 'webhook',
          url: action.url,
          ...(action.secretRef !== undefined ? { secretRef: action.secretRef } : {}),
          payload,
          idempotencyKey,
        });
        return;
      }
    }
  });
  return resolved;
}
