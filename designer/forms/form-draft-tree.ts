/**
 * @module The draft form as the designer edits it: a tree of nodes, each a field definition without
 * its `fields` plus a stable designer-only `id` (field keys change while the user types and are only
 * unique per scope, so they cannot identify a card being dragged). Pure helpers over that tree.
 */
import type { FormDefinition } from '../../engine';
import { isContainerType } from './engine-field-types';

/** A field's own properties (a container's children live in `DraftNode.children`). */
export type FieldProps = Record<string, unknown> & { key: string; type: string };

export interface DraftNode {
  id: string;
  field: FieldProps;
  /** Present on sections and groups. */
  children?: DraftNode[];
}

export interface Located {
  node: DraftNode;
  /** The container holding the node; null at the top level. */
  parent: DraftNode | null;
  index: number;
  /** The containers from the top level down to the parent. */
  ancestors: DraftNode[];
}

/** Finds node `id` with its place in the tree. */
export function locate(nodes: readonly DraftNode[], id: string, ancestors: DraftNode[] = []): Located | null {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as DraftNode;
    if (node.id === id) return { node, parent: ancestors.at(-1) ?? null, index, ancestors };
    if (node.children) {
      const found = locate(node.children, id, [...ancestors, node]);
      if (found) return found;
    }
  }
  return null;
}

/** Every node, depth first in document order. */
export function allDraftNodes(nodes: readonly DraftNode[]): DraftNode[] {
  return nodes.flatMap((n) => [n, ...(n.children ? allDraftNodes(n.children) : [])]);
}

/** The children list of `parentId` (null: the top level), or undefined when it is not a container. */
export function childrenOf(
  nodes: readonly DraftNode[],
  parentId: string | null,
): readonly DraftNode[] | undefined {
  if (parentId === null) return nodes;
  return locate(nodes, parentId)?.node.children;
}

/** How many levels of containers `node` holds, itself included (0 for a data field). */
export function containerHeight(node: DraftNode): number {
  if (!node.children) return 0;
  return 1 + Math.max(0, ...node.children.map(containerHeight));
}

/** `nodes` with `id` removed. */
export function removeNode(nodes: readonly DraftNode[], id: string): DraftNode[] {
  return nodes
    .filter((n) => n.id !== id)
    .map((n) => (n.children ? { ...n, children: removeNode(n.children, id) } : n));
}

/** `nodes` with `node` inserted into `parentId`'s list at `index` (clamped). */
export function insertNode(
  nodes: readonly DraftNode[],
  parentId: string | null,
  index: number,
  node: DraftNode,
): DraftNode[] {
  if (parentId === null) {
    const at = Math.max(0, Math.min(index, nodes.length));
    return [...nodes.slice(0, at), node, ...nodes.slice(at)];
  }
  return nodes.map((n) => {
    if (n.id === parentId && n.children) return { ...n, children: insertNode(n.children, null, index, node) };
    return n.children ? { ...n, children: insertNode(n.children, parentId, index, node) } : n;
  });
}

/** `nodes` with node `id` replaced by `update(node)`. */
export function mapNode(
  nodes: readonly DraftNode[],
  id: string,
  update: (node: DraftNode) => DraftNode,
): DraftNode[] {
  return nodes.map((n) => {
    if (n.id === id) return update(n);
    return n.children ? { ...n, children: mapNode(n.children, id, update) } : n;
  });
}

/** A key like `base` not in `taken` (`rating`, `rating2`, …); adds it to `taken`. */
export function uniqueKey(base: string, taken: Set<string>): string {
  const stem = base.replace(/\d+$/, '') || 'field';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${stem}${n}`;
  taken.add(key);
  return key;
}

/** Every key used in the tree (sections included). */
export function keysIn(nodes: readonly DraftNode[]): Set<string> {
  return new Set(allDraftNodes(nodes).map((n) => n.field.key));
}

/** Builds draft nodes from definition fields, numbering ids from `nextId`. */
export function nodesFromFields(
  fields: readonly Record<string, unknown>[],
  nextId: { value: number },
): DraftNode[] {
  return fields.map((raw) => {
    const { fields: children, ...own } = raw as Record<string, unknown> & { fields?: unknown };
    const field = own as FieldProps;
    const node: DraftNode = { id: `n${nextId.value++}`, field };
    if (isContainerType(field.type) || Array.isArray(children))
      node.children = nodesFromFields(
        Array.isArray(children) ? (children as Record<string, unknown>[]) : [],
        nextId,
      );
    return node;
  });
}

/** The definition fields of draft nodes. */
export function fieldsFromNodes(nodes: readonly DraftNode[]): FormDefinition['fields'] {
  return nodes.map((n) =>
    n.children ? { ...n.field, fields: fieldsFromNodes(n.children) } : { ...n.field },
  ) as unknown as FormDefinition['fields'];
}
