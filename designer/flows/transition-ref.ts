/**
 * @module Transitions by id. A transition's id is the JSON Pointer of where it is written
 * (`/machine/states/accept/on/ACCEPT`, `…/on/ACCEPT/0` for a guarded alternative, `…/after/noReply`,
 * `…/always`), the same `path` the engine's normalised view (`flow-structure`) gives it, so an
 * issue's path leads straight to its edge. Reading normalises the string shorthand to an object;
 * writing compacts it back (`{ target }` alone → `'target'`, empty `meta` dropped).
 */
import { parsePointer, pointer } from '../../engine';
import { stageTransitions, type FlowTransition } from '../../engine/flows/flow-structure';
import type { FlowDefinition } from '../../engine';
import { hasOwn, type FlowDoc, type StageDoc, type TransitionObject, type TransitionValue } from './flow-doc';

export type TransitionKind = 'on' | 'after' | 'always';

export interface TransitionRef {
  stage: string;
  kind: TransitionKind;
  /** The event (`on`) or delay (`after`) key; absent for `always`. */
  key?: string;
  /** Position among guarded alternatives, when the value is a list. */
  index?: number;
}

export function transitionId(ref: TransitionRef): string {
  const tokens: (string | number)[] = ['machine', 'states', ref.stage, ref.kind];
  if (ref.key !== undefined) tokens.push(ref.key);
  if (ref.index !== undefined) tokens.push(ref.index);
  return pointer(...tokens);
}

export function parseTransitionId(id: string): TransitionRef | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(id);
  } catch {
    return undefined;
  }
  const [machine, states, stage, kind, ...rest] = tokens;
  if (machine !== 'machine' || states !== 'states' || stage === undefined) return undefined;
  const index = (token: string | undefined) =>
    token !== undefined && /^\d+$/.test(token) ? Number(token) : NaN;
  if (kind === 'always') {
    if (rest.length === 0) return { stage, kind };
    const i = index(rest[0]);
    return rest.length === 1 && !Number.isNaN(i) ? { stage, kind, index: i } : undefined;
  }
  if ((kind !== 'on' && kind !== 'after') || rest[0] === undefined) return undefined;
  if (rest.length === 1) return { stage, kind, key: rest[0] };
  const i = index(rest[1]);
  return rest.length === 2 && !Number.isNaN(i) ? { stage, kind, key: rest[0], index: i } : undefined;
}

/** Every transition of the document, each with its id (`path`), in document order. */
export function listTransitions(doc: FlowDoc): FlowTransition[] {
  const def = doc as unknown as FlowDefinition;
  return Object.entries(def.machine.states).flatMap(([stage, config]) => stageTransitions(stage, config));
}

function slot(stage: StageDoc, ref: TransitionRef): TransitionValue | undefined {
  if (ref.kind === 'always') return stage.always;
  const map = stage[ref.kind];
  return ref.key !== undefined && hasOwn(map, ref.key) ? map![ref.key] : undefined;
}

function normalise(value: string | TransitionObject | undefined): TransitionObject | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? { target: value } : structuredClone(value);
}

/** The transition `ref` names, as an object; undefined when there is none. */
export function readTransition(doc: FlowDoc, ref: TransitionRef): TransitionObject | undefined {
  const stage = hasOwn(doc.machine.states, ref.stage) ? doc.machine.states[ref.stage] : undefined;
  if (!stage) return undefined;
  const value = slot(stage, ref);
  if (Array.isArray(value)) return ref.index === undefined ? undefined : normalise(value[ref.index]);
  return ref.index === undefined ? normalise(value) : undefined;
}

/** The shortest way to write `t`: the target alone when nothing else is set. */
export function compactTransition(t: TransitionObject): string | TransitionObject {
  const out: TransitionObject = { ...t };
  if (out.meta) {
    const meta = { ...out.meta };
    if (meta.roles !== undefined && meta.roles.length === 0) delete meta.roles;
    if (Object.keys(meta).length === 0) delete out.meta;
    else out.meta = meta;
  }
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === 'target' && out.target !== undefined ? out.target : out;
}

function store(stage: StageDoc, ref: TransitionRef, value: TransitionValue | undefined): void {
  if (ref.kind === 'always') {
    if (value === undefined) delete stage.always;
    else stage.always = value;
    return;
  }
  const key = ref.key as string;
  const map = { ...(stage[ref.kind] ?? {}) };
  if (value === undefined) delete map[key];
  else map[key] = value;
  if (Object.keys(map).length === 0) delete stage[ref.kind];
  else stage[ref.kind] = map;
}

/**
 * Writes (or, with undefined, removes) the transition `ref` names in a mutable document. Removing
 * one alternative of a list keeps the rest (a list of one collapses to the transition itself).
 */
export function writeTransition(doc: FlowDoc, ref: TransitionRef, t: TransitionObject | undefined): void {
  const stage = hasOwn(doc.machine.states, ref.stage) ? doc.machine.states[ref.stage] : undefined;
  if (!stage) return;
  const value = t === undefined ? undefined : compactTransition(t);
  if (ref.index === undefined) {
    store(stage, ref, value);
    return;
  }
  const current = slot(stage, ref);
  if (!Array.isArray(current)) return;
  const list = [...current];
  if (value === undefined) list.splice(ref.index, 1);
  else list[ref.index] = value;
  store(stage, ref, list.length === 0 ? undefined : list.length === 1 ? list[0] : list);
}
