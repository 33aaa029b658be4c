/**
 * @module Fixture edits: a case names a base document and changes it by JSON Pointer — `set`
 * (pointer → new value, `-` appends to an array) and `unset` (pointers to remove) — so an invalid
 * variant of a large definition is a few lines of JSON.
 */
import { parsePointer } from '../../engine/issues/json-pointer';

export interface DocumentEdits {
  /** Pointer → new value, applied in order (`/aggregates/monthlyCount/window/unit`: "week"). */
  set?: Record<string, unknown>;
  /** Pointers to remove. */
  unset?: string[];
}

function parentOf(doc: unknown, path: string): [Record<string, unknown> | unknown[], string] {
  const tokens = parsePointer(path);
  const last = tokens.pop();
  if (last === undefined) throw new Error('cannot edit the root');
  let node = doc as Record<string, unknown>;
  // Objects on the way are created, so a case can add `meta` to a stage that has none.
  for (const token of tokens) {
    if (typeof node[token] !== 'object' || node[token] === null) node[token] = {};
    node = node[token] as Record<string, unknown>;
  }
  return [node, last];
}

/** A fresh copy of `base` with the edits applied (it may be invalid on purpose). */
export function editDocument<T>(base: T, edits: DocumentEdits): T {
  const doc = structuredClone(base) as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits.set ?? {})) {
    const [parent, key] = parentOf(doc, path);
    if (Array.isArray(parent) && key === '-') parent.push(value);
    else (parent as Record<string, unknown>)[key] = value;
  }
  for (const path of edits.unset ?? []) {
    const [parent, key] = parentOf(doc, path);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }
  return doc as T;
}
