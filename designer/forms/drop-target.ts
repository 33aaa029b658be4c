/**
 * @module Where a drag on the canvas lands, as a pure function of the tree and what the pointer (or
 * keyboard) is over: onto a card (before or after it; within its own list a card takes the place of
 * the one it is over, as sortable lists do), or into the empty part of a list (a form, section or
 * repeating group: at its start or end).
 */
import { childrenOf, locate, type DraftNode } from './form-draft-tree';

/** What a drag is over: a card, or the list area of a container (`parentId` null: the form). */
export type DropOver =
  | { kind: 'card'; id: string; parentId: string | null; after: boolean }
  | { kind: 'zone'; parentId: string | null; after: boolean };

/** A position in `parentId`'s list, counted without the dragged field. */
export interface DropTarget {
  parentId: string | null;
  index: number;
}

/** True when the drag keeps its card in the same list and swaps places sortable-style. */
export function isSameListMove(
  nodes: readonly DraftNode[],
  activeId: string | null,
  over: DropOver,
): boolean {
  if (activeId === null || over.kind !== 'card') return false;
  const found = locate(nodes, activeId);
  return found !== null && (found.parent?.id ?? null) === over.parentId;
}

export function resolveDrop(
  nodes: readonly DraftNode[],
  activeId: string | null,
  over: DropOver,
): DropTarget | null {
  if (over.kind === 'card' && over.id === activeId) return null;
  if (activeId !== null && over.parentId !== null) {
    // A container never goes into itself.
    const target = locate(nodes, over.parentId);
    if (!target || over.parentId === activeId || target.ancestors.some((a) => a.id === activeId)) return null;
  }
  const list = childrenOf(nodes, over.parentId);
  if (!list) return null;
  if (over.kind === 'zone') {
    const others = list.filter((n) => n.id !== activeId);
    return { parentId: over.parentId, index: over.after ? others.length : 0 };
  }
  if (isSameListMove(nodes, activeId, over)) {
    return { parentId: over.parentId, index: list.findIndex((n) => n.id === over.id) };
  }
  const others = list.filter((n) => n.id !== activeId);
  const at = others.findIndex((n) => n.id === over.id);
  if (at < 0) return null;
  return { parentId: over.parentId, index: at + (over.after ? 1 : 0) };
}
