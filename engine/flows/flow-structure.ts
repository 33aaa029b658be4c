/**
 * @module Reads a flow definition's machine as a list of stages and transitions, whatever shorthand the
 * author used (`"diagnose"`, `{ target }`, a list of guarded alternatives, `'name'` or `{ type, params }`
 * references). The checker, the stepper and the designer all walk the same normalised view, each
 * element carrying the JSON Pointer of where it was written.
 */
import { childPointer, pointer } from '../issues/json-pointer';
import type { FlowDefinition, FlowStageConfig } from './flow-definition.schema';

/** A reference to a named guard or action, as written. */
export interface NamedReference {
  name: string;
  params?: Record<string, unknown>;
  /** Pointer to the reference itself. */
  path: string;
}

/** One transition of a stage: an `on` event's (alternative), a delayed `after` one or an eventless `always` one. */
export interface FlowTransition {
  stage: string;
  /** The event type, or `null` for a transition no sender triggers (`always`, `after`). */
  event: string | null;
  /** For a delayed (`after`) transition: the delay key as written. */
  delay?: string;
  target?: string;
  guard?: NamedReference;
  actions: NamedReference[];
  roles?: string[];
  /** Pointer to the transition as written (a string or an object). */
  path: string;
  /** Pointer to its target: `…/target` for an object, the transition itself for the string shorthand. */
  targetPath: string;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalises `'a'`, `{ type: 'a', params }` or a list of those. */
export function namedReferences(value: Json, path: string): NamedReference[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => namedReferences(item, childPointer(path, i)));
  if (typeof value === 'string') return [{ name: value, path }];
  if (isObject(value) && typeof value.type === 'string') {
    return [
      isObject(value.params) ? { name: value.type, params: value.params, path } : { name: value.type, path },
    ];
  }
  return [];
}

function readTransition(
  stage: string,
  event: string | null,
  value: Json,
  path: string,
): FlowTransition | undefined {
  if (typeof value === 'string') return { stage, event, target: value, actions: [], path, targetPath: path };
  if (!isObject(value)) return undefined;
  const transition: FlowTransition = {
    stage,
    event,
    actions: namedReferences(value.actions, childPointer(path, 'actions')),
    path,
    targetPath: childPointer(path, 'target'),
  };
  if (typeof value.target === 'string') transition.target = value.target;
  const [guard] = namedReferences(value.guard, childPointer(path, 'guard'));
  if (guard) transition.guard = guard;
  const meta = value.meta;
  if (isObject(meta) && Array.isArray(meta.roles)) transition.roles = meta.roles.map(String);
  return transition;
}

function readTransitions(stage: string, event: string | null, value: Json, path: string): FlowTransition[] {
  const list = Array.isArray(value)
    ? value.map((v, i) => [v, childPointer(path, i)] as const)
    : [[value, path] as const];
  return list.flatMap(([v, p]) => readTransition(stage, event, v, p) ?? []);
}

/** A stage's `after` entries as written: delay key and the pointer to the entry. */
export function stageDelays(stage: string, config: FlowStageConfig): { delay: string; path: string }[] {
  const base = childPointer(stagePath(stage), 'after');
  return Object.keys(config.after ?? {}).map((delay) => ({ delay, path: childPointer(base, delay) }));
}

/** Pointer to a stage: `/machine/states/<stage>`. */
export function stagePath(stage: string): string {
  return pointer('machine', 'states', stage);
}

/** Every transition of `stage` in document order: `on` events first, then `after`, then `always`. */
export function stageTransitions(stage: string, config: FlowStageConfig): FlowTransition[] {
  const base = stagePath(stage);
  const out: FlowTransition[] = [];
  for (const [event, value] of Object.entries(config.on ?? {})) {
    out.push(...readTransitions(stage, event, value, childPointer(base, 'on', event)));
  }
  for (const [delay, value] of Object.entries(config.after ?? {})) {
    for (const t of readTransitions(stage, null, value, childPointer(base, 'after', delay))) {
      out.push({ ...t, delay });
    }
  }
  if (config.always !== undefined)
    out.push(...readTransitions(stage, null, config.always, childPointer(base, 'always')));
  return out;
}

/** The stage's entry and exit action references. */
export function stageActions(stage: string, config: FlowStageConfig): NamedReference[] {
  const base = stagePath(stage);
  return [
    ...namedReferences(config.entry, childPointer(base, 'entry')),
    ...namedReferences(config.exit, childPointer(base, 'exit')),
  ];
}

/** The SLA policy keys a stage's `meta.sla` names (a string or a list). */
export function stagePolicyKeys(config: FlowStageConfig): string[] {
  const sla = config.meta?.sla;
  if (sla === undefined) return [];
  return typeof sla === 'string' ? [sla] : [...sla];
}

export function isFinalStage(config: FlowStageConfig): boolean {
  return config.type === 'final';
}

/** Stage keys in document order. */
export function stageKeys(def: FlowDefinition): string[] {
  return Object.keys(def.machine.states);
}
