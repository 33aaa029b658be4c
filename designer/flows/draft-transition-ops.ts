/**
 * @module Transition edits of a flow document, pure: connect two stages, delete, re-target, rename the
 * event, set who may take it and its button label, and its guard. A guard is written as a named guard
 * (`guards.<name>`, JSON-Logic) the transition references, as the engine steps it; a transition
 * without one gets a fresh name, and a name no transition uses any more is removed.
 */
import { editDoc, hasOwn, uniqueKey, type FlowDoc, type Text, type TransitionObject } from './flow-doc';
import {
  listTransitions,
  parseTransitionId,
  readTransition,
  transitionId,
  writeTransition,
} from './transition-ref';

/** Event and guard names (`behaviourNameSchema`). */
export const EVENT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

const identifier = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '');

/** Connects `source` to `target` with a new event (`TO_<TARGET>`); no-op from a final stage. */
export function addTransition(doc: FlowDoc, source: string, target: string): { doc: FlowDoc; id?: string } {
  const from = hasOwn(doc.machine.states, source) ? doc.machine.states[source] : undefined;
  if (!from || from.type === 'final' || !hasOwn(doc.machine.states, target)) return { doc };
  const base = ('TO_' + identifier(target).toUpperCase()).slice(0, 60);
  const event = uniqueKey(base, (k) => hasOwn(from.on, k));
  const next = editDoc(doc, (d) => {
    const stage = d.machine.states[source]!;
    stage.on = { ...(stage.on ?? {}), [event]: target };
  });
  return { doc: next, id: transitionId({ stage: source, kind: 'on', key: event }) };
}

function guardName(t: TransitionObject): string | undefined {
  return typeof t.guard === 'string' ? t.guard : t.guard?.type;
}

/** Drops guard definitions no transition references any more (among `names`). */
function dropUnusedGuards(doc: FlowDoc, names: (string | undefined)[]): void {
  if (!doc.guards) return;
  const used = new Set(listTransitions(doc).flatMap((t) => (t.guard ? [t.guard.name] : [])));
  for (const name of names) if (name !== undefined && !used.has(name)) delete doc.guards[name];
  if (Object.keys(doc.guards).length === 0) delete doc.guards;
}

export function deleteTransition(doc: FlowDoc, id: string): FlowDoc {
  const ref = parseTransitionId(id);
  const t = ref && readTransition(doc, ref);
  if (!ref || !t) return doc;
  return editDoc(doc, (d) => {
    writeTransition(d, ref, undefined);
    dropUnusedGuards(d, [guardName(t)]);
  });
}

export interface TransitionPatch {
  target?: string;
  /** An empty list removes the restriction (anyone with access may take it). */
  roles?: string[];
  /** The button's label; undefined removes it. */
  label?: Text | undefined;
}

export function updateTransition(doc: FlowDoc, id: string, patch: TransitionPatch): FlowDoc {
  const ref = parseTransitionId(id);
  const t = ref && readTransition(doc, ref);
  if (!ref || !t) return doc;
  const next: TransitionObject = { ...t, meta: { ...(t.meta ?? {}) } };
  if (patch.target !== undefined) next.target = patch.target;
  if (patch.roles !== undefined) next.meta!.roles = patch.roles;
  if ('label' in patch) {
    const label: Text = {};
    if (patch.label?.['zh-CN']) label['zh-CN'] = patch.label['zh-CN'];
    if (patch.label?.en) label.en = patch.label.en;
    if (Object.keys(label).length === 0) delete next.meta!.label;
    else next.meta!.label = label;
  }
  return editDoc(doc, (d) => writeTransition(d, ref, next));
}

/**
 * Renames the event of an `on` transition, keeping its place; an alternative of a guarded list moves
 * out to its own event. Refused (same document back) for a bad or taken name.
 */
export function renameEvent(doc: FlowDoc, id: string, event: string): { doc: FlowDoc; id: string } {
  const ref = parseTransitionId(id);
  const t = ref && readTransition(doc, ref);
  const stage = ref && doc.machine.states[ref.stage];
  if (!ref || !t || !stage || ref.kind !== 'on' || !EVENT_NAME_PATTERN.test(event) || hasOwn(stage.on, event))
    return { doc, id };
  const next = editDoc(doc, (d) => {
    const config = d.machine.states[ref.stage]!;
    if (ref.index === undefined) {
      config.on = Object.fromEntries(
        Object.entries(config.on ?? {}).map(([k, v]) => [k === ref.key ? event : k, v]),
      );
    } else {
      writeTransition(d, ref, undefined);
      writeTransition(d, { stage: ref.stage, kind: 'on', key: event }, t);
    }
  });
  return { doc: next, id: transitionId({ stage: ref.stage, kind: 'on', key: event }) };
}

/**
 * Sets the guard of a transition to the JSON-Logic `logic` (undefined: always allowed). A guard
 * shared by several transitions changes for all of them, as it is one named guard.
 */
export function setGuard(doc: FlowDoc, id: string, logic: unknown): FlowDoc {
  const ref = parseTransitionId(id);
  const t = ref && readTransition(doc, ref);
  if (!ref || !t) return doc;
  const current = guardName(t);
  return editDoc(doc, (d) => {
    if (logic === undefined) {
      const next = { ...t };
      delete next.guard;
      writeTransition(d, ref, next);
      dropUnusedGuards(d, [current]);
      return;
    }
    d.guards = { ...(d.guards ?? {}) };
    if (current !== undefined) {
      d.guards[current] = logic;
      return;
    }
    const base = identifier(`${ref.stage}_${ref.key ?? ref.kind}`).slice(0, 60) || 'guard';
    const name = uniqueKey(base, (k) => hasOwn(d.guards, k));
    d.guards[name] = logic;
    writeTransition(d, ref, { ...t, guard: name });
  });
}

/** The JSON-Logic of a transition's guard; undefined when it has none (or it names no definition). */
export function guardLogic(doc: FlowDoc, t: TransitionObject): unknown {
  const name = guardName(t);
  return name !== undefined && hasOwn(doc.guards, name) ? doc.guards![name] : undefined;
}

export { guardName };
