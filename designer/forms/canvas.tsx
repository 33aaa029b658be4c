/**
 * @module The canvas: the form's fields as nested sortable lists (the form, each section, each
 * repeating group), each list also a drop area for its empty space, with a drop line showing where a
 * dragged field will land.
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { createContext, useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { useMessages } from '../i18n/define-messages';
import { FieldCard, useFieldName, type CardActions } from './field-card';
import type { DraftNode } from './form-draft-tree';
import { formsMessages } from './forms-messages';

export interface ZoneDragData {
  source: 'zone';
  parentId: string | null;
  ancestors: string[];
  name: string;
}

/** Where the drop line is: before / after a card, or at the start / end of a list. */
export type DropIndicator =
  | { kind: 'card'; id: string; position: 'before' | 'after' }
  | { kind: 'zone'; parentId: string | null; position: 'start' | 'end' };

interface CanvasState {
  selectedId: string | null;
  problemsOf(id: string): number;
  indicator: DropIndicator | null;
  onSelect(id: string): void;
  onDuplicate(id: string): void;
  onRemove(id: string): void;
}

const CanvasContext = createContext<(CanvasState & { actions: CardActions }) | null>(null);

export const zoneId = (parentId: string | null) => `zone:${parentId ?? 'root'}`;

function FieldList({
  nodes,
  parentId,
  ancestors,
  name,
}: {
  nodes: readonly DraftNode[];
  parentId: string | null;
  ancestors: string[];
  name: string;
}) {
  const t = useMessages(formsMessages);
  const state = useContext(CanvasContext)!;
  const fieldName = useFieldName();
  const data: ZoneDragData = { source: 'zone', parentId, ancestors, name };
  const { setNodeRef, isOver } = useDroppable({ id: zoneId(parentId), data });
  const indicator = state.indicator;
  const zoneMark =
    indicator?.kind === 'zone' && indicator.parentId === parentId ? ` drop-${indicator.position}` : '';
  const inner = parentId === null ? ancestors : [...ancestors, parentId];
  return (
    <SortableContext
      id={zoneId(parentId)}
      items={nodes.map((n) => n.id)}
      strategy={verticalListSortingStrategy}
    >
      <ol
        ref={setNodeRef}
        className={`field-list${nodes.length === 0 ? ' empty' : ''}${isOver ? ' over' : ''}${zoneMark}`}
        aria-label={parentId === null ? t('canvas.label') : name}
      >
        {nodes.map((node) => (
          <FieldCard
            key={node.id}
            node={node}
            parentId={parentId}
            ancestors={inner}
            selected={state.selectedId === node.id}
            problems={state.problemsOf(node.id)}
            indicator={indicator?.kind === 'card' && indicator.id === node.id ? indicator.position : null}
            actions={state.actions}
          >
            {node.children && (
              <FieldList nodes={node.children} parentId={node.id} ancestors={inner} name={fieldName(node)} />
            )}
          </FieldCard>
        ))}
        {nodes.length === 0 && (
          <li className="drop-hint muted">
            {parentId === null ? t('canvas.empty') : t('canvas.dropInside')}
          </li>
        )}
      </ol>
    </SortableContext>
  );
}

export function Canvas({ nodes, ...state }: CanvasState & { nodes: readonly DraftNode[] }) {
  const t = useMessages(formsMessages);
  // One actions object for the canvas's life, calling the latest handlers: the cards' memoised heads
  // then stay as they are when only the handlers (new on every render of the page) changed.
  const handlers = useRef(state);
  useLayoutEffect(() => {
    handlers.current = state;
  });
  const actions = useMemo<CardActions>(
    () => ({
      select: (id) => handlers.current.onSelect(id),
      duplicate: (id) => handlers.current.onDuplicate(id),
      remove: (id) => handlers.current.onRemove(id),
    }),
    [],
  );
  // The form's list is named "the form" in announcements, "Form canvas" on the page.
  return (
    <CanvasContext.Provider value={{ ...state, actions }}>
      <section className="canvas">
        <FieldList nodes={nodes} parentId={null} ancestors={[]} name={t('dnd.form')} />
      </section>
    </CanvasContext.Provider>
  );
}
