/**
 * @module The form designer's edits as a pure reducer over the draft tree: load, add, move (reorder,
 * nest into sections and repeating groups, take out again), remove, duplicate, update a field's
 * properties, change the form's header, select. Edits the engine would refuse structurally (a
 * container inside itself, containers nested deeper than the meta-schema allows) are ignored.
 */
import type { FormDefinition } from '../../engine';
import { MAX_CONTAINER_DEPTH } from './engine-field-types';
import {
  allDraftNodes,
  containerHeight,
  fieldsFromNodes,
  insertNode,
  keysIn,
  locate,
  mapNode,
  nodesFromFields,
  removeNode,
  uniqueKey,
  type DraftNode,
  type FieldProps,
} from './form-draft-tree';

export type { DraftNode, FieldProps } from './form-draft-tree';

/** The form document without its fields (key, title, description). */
export type FormHeader = Record<string, unknown> & { key: string };

export interface DraftState {
  header: FormHeader;
  nodes: DraftNode[];
  /** Next designer id to hand out. */
  nextId: number;
  /** The field whose properties are shown. */
  selectedId: string | null;
}

/** A stored form body, or a draft that is not valid yet. */
export type LoadableDefinition = { key: string; fields?: readonly unknown[] };

export type DraftAction =
  | { type: 'load'; definition: LoadableDefinition }
  /** A new field (a container may bring its `fields`) into `parentId` (null: top level) at `index` (default: end). */
  | { type: 'add'; field: FieldProps; parentId: string | null; index?: number }
  /** `index` counts positions in the target list without the moved field. */
  | { type: 'move'; id: string; parentId: string | null; index: number }
  | { type: 'remove'; id: string }
  | { type: 'duplicate'; id: string }
  /** Sets properties of a field; `undefined` removes one. */
  | { type: 'update'; id: string; patch: Record<string, unknown> }
  | { type: 'setHeader'; patch: Record<string, unknown> }
  | { type: 'select'; id: string | null };

export function emptyDraft(key: string, header: Record<string, unknown> = {}): DraftState {
  return { header: { ...header, key }, nodes: [], nextId: 1, selectedId: null };
}

export function draftFromDefinition(definition: LoadableDefinition): DraftState {
  const {
    fields = [],
    version: _version,
    ...header
  } = definition as LoadableDefinition & Record<string, unknown>;
  const counter = { value: 1 };
  const nodes = nodesFromFields(fields as Record<string, unknown>[], counter);
  return { header: header as FormHeader, nodes, nextId: counter.value, selectedId: null };
}

/** The form definition the draft stands for (what is saved and previewed). */
export function toDefinition(state: DraftState): FormDefinition {
  return { ...state.header, fields: fieldsFromNodes(state.nodes) } as FormDefinition;
}

/** The number of containers from the top level down to and including `parentId`. */
function levelOf(state: DraftState, parentId: string | null): number | null {
  if (parentId === null) return 0;
  const found = locate(state.nodes, parentId);
  if (!found?.node.children) return null;
  return found.ancestors.length + 1;
}

function fits(state: DraftState, node: DraftNode, parentId: string | null): boolean {
  const level = levelOf(state, parentId);
  return level !== null && level + containerHeight(node) <= MAX_CONTAINER_DEPTH;
}

function patched(field: FieldProps, patch: Record<string, unknown>): FieldProps {
  const next: Record<string, unknown> = { ...field };
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next as FieldProps;
}

/** A deep copy of `node` with new ids and keys not in `taken`. */
function copyOf(node: DraftNode, taken: Set<string>, nextId: { value: number }): DraftNode {
  const copy: DraftNode = {
    id: `n${nextId.value++}`,
    field: { ...structuredClone(node.field), key: uniqueKey(node.field.key, taken) },
  };
  if (node.children) copy.children = node.children.map((c) => copyOf(c, taken, nextId));
  return copy;
}

function add(state: DraftState, action: DraftAction & { type: 'add' }): DraftState {
  const counter = { value: state.nextId };
  const [node] = nodesFromFields([action.field], counter) as [DraftNode];
  const taken = keysIn(state.nodes);
  for (const n of allDraftNodes([node])) n.field = { ...n.field, key: uniqueKey(n.field.key, taken) };
  if (!fits(state, node, action.parentId)) return state;
  const index = action.index ?? Number.MAX_SAFE_INTEGER;
  return {
    ...state,
    nodes: insertNode(state.nodes, action.parentId, index, node),
    nextId: counter.value,
    selectedId: node.id,
  };
}

function move(state: DraftState, action: DraftAction & { type: 'move' }): DraftState {
  const found = locate(state.nodes, action.id);
  if (!found) return state;
  if (action.parentId !== null) {
    const target = locate(state.nodes, action.parentId);
    // A container cannot go into itself or into one of its own fields.
    if (!target || action.parentId === action.id || target.ancestors.some((a) => a.id === action.id))
      return state;
  }
  const without = { ...state, nodes: removeNode(state.nodes, action.id) };
  if (!fits(without, found.node, action.parentId)) return state;
  return { ...state, nodes: insertNode(without.nodes, action.parentId, action.index, found.node) };
}

function duplicate(state: DraftState, id: string): DraftState {
  const found = locate(state.nodes, id);
  if (!found) return state;
  const counter = { value: state.nextId };
  const copy = copyOf(found.node, keysIn(state.nodes), counter);
  return {
    ...state,
    nodes: insertNode(state.nodes, found.parent?.id ?? null, found.index + 1, copy),
    nextId: counter.value,
    selectedId: copy.id,
  };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'load':
      return draftFromDefinition(action.definition);
    case 'add':
      return add(state, action);
    case 'move':
      return move(state, action);
    case 'remove': {
      if (!locate(state.nodes, action.id)) return state;
      const nodes = removeNode(state.nodes, action.id);
      const selectedId = state.selectedId && locate(nodes, state.selectedId) ? state.selectedId : null;
      return { ...state, nodes, selectedId };
    }
    case 'duplicate':
      return duplicate(state, action.id);
    case 'update':
      if (!locate(state.nodes, action.id)) return state;
      return {
        ...state,
        nodes: mapNode(state.nodes, action.id, (n) => ({ ...n, field: patched(n.field, action.patch) })),
      };
    case 'setHeader':
      return { ...state, header: patched(state.header as FieldProps, action.patch) as FormHeader };
    case 'select':
      return { ...state, selectedId: action.id };
  }
}
