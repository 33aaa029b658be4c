/**
 * @module Drag and drop of the form designer with @dnd-kit: palette items onto the canvas, cards
 * within and between lists (into and out of sections and repeating groups), by pointer, touch or
 * keyboard, with spoken announcements in the UI language. Where a drop lands is decided by the pure
 * `resolveDrop`; this module only reads positions from @dnd-kit's events.
 */
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import type { DropIndicator, ZoneDragData } from './canvas';
import { isSameListMove, resolveDrop, type DropOver, type DropTarget } from './drop-target';
import type { CardDragData } from './field-card';
import type { DraftNode } from './form-draft-tree';
import { formsMessages } from './forms-messages';
import { designerKeyboardCoordinates } from './keyboard-coordinates';
import type { PaletteDragData } from './palette';

type DragData = PaletteDragData | CardDragData | ZoneDragData;

interface DesignDndProps {
  nodes: readonly DraftNode[];
  onAdd(type: string, target: DropTarget): void;
  onMove(id: string, target: DropTarget): void;
  children(indicator: DropIndicator | null): ReactNode;
}

/** Below this many pixels from the top of a list, a drop goes to its start. */
const LIST_START_BAND = 24;

/** Droppables a dragged card must not land in: its own list and anything inside it. */
const collisions: CollisionDetection = (args) => {
  const activeId = String(args.active.id);
  const droppableContainers = args.droppableContainers.filter((c) => {
    const data = c.data.current as DragData | undefined;
    return !(data && 'ancestors' in data && data.ancestors.includes(activeId)) && c.id !== `zone:${activeId}`;
  });
  const narrowed = { ...args, droppableContainers };
  // A pointer decides by what is under it (the innermost card or list); the keyboard by nearness.
  return args.pointerCoordinates ? pointerWithin(narrowed) : closestCorners(narrowed);
};

/** The vertical position the drop is decided by: the pointer, or the dragged card's middle. */
function dragY(event: DragMoveEvent): number | null {
  const start = event.activatorEvent as Partial<PointerEvent>;
  if (typeof start.clientY === 'number') return start.clientY + event.delta.y;
  const rect = event.active.rect.current.translated;
  return rect ? rect.top + rect.height / 2 : null;
}

function overOf(event: DragMoveEvent): DropOver | null {
  const over = event.over;
  const data = over?.data.current as DragData | undefined;
  if (!over || !data || data.source === 'palette') return null;
  const y = dragY(event);
  if (data.source === 'zone')
    return {
      kind: 'zone',
      parentId: data.parentId,
      after: y === null || y > over.rect.top + LIST_START_BAND,
    };
  return {
    kind: 'card',
    id: String(over.id),
    parentId: data.parentId,
    after: y !== null && y > over.rect.top + over.rect.height / 2,
  };
}

function indicatorOf(over: DropOver | null): DropIndicator | null {
  if (!over) return null;
  if (over.kind === 'zone')
    return { kind: 'zone', parentId: over.parentId, position: over.after ? 'end' : 'start' };
  return { kind: 'card', id: over.id, position: over.after ? 'after' : 'before' };
}

const sameIndicator = (a: DropIndicator | null, b: DropIndicator | null) =>
  JSON.stringify(a) === JSON.stringify(b);

export function DesignDnd({ nodes, onAdd, onMove, children }: DesignDndProps) {
  const t = useMessages(formsMessages);
  const [active, setActive] = useState<DragData | null>(null);
  const [indicator, setIndicator] = useState<DropIndicator | null>(null);
  const sensors = useSensors(
    // Mouse and touch apart: a touch drags after a short press, so a swipe still scrolls the page.
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: designerKeyboardCoordinates }),
  );

  const activeCardId = (event: DragMoveEvent) =>
    (event.active.data.current as DragData | undefined)?.source === 'card' ? String(event.active.id) : null;

  const onDragStart = (event: DragStartEvent) => setActive((event.active.data.current as DragData) ?? null);
  const onDragMove = (event: DragMoveEvent) => {
    const over = overOf(event);
    const target = over ? resolveDrop(nodes, activeCardId(event), over) : null;
    // Within its own list a card shows where it goes by the others moving aside, not by a line.
    const next =
      !target || (over && isSameListMove(nodes, activeCardId(event), over)) ? null : indicatorOf(over);
    if (!sameIndicator(next, indicator)) setIndicator(next);
  };
  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    setIndicator(null);
    const over = overOf(event);
    const data = event.active.data.current as DragData | undefined;
    if (!over || !data) return;
    const target = resolveDrop(nodes, activeCardId(event), over);
    if (!target) return;
    if (data.source === 'palette') onAdd(data.fieldType, target);
    else if (data.source === 'card') onMove(String(event.active.id), target);
  };
  const onDragCancel = () => {
    setActive(null);
    setIndicator(null);
  };

  const nameOf = (data: unknown) => (data as DragData | undefined)?.name ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('dnd.start', { name: nameOf(a.data.current) }),
    onDragOver: ({ active: a, over }) =>
      over
        ? t('dnd.over', { name: nameOf(a.data.current), target: nameOf(over.data.current) })
        : t('dnd.outside', { name: nameOf(a.data.current) }),
    onDragEnd: ({ active: a, over }) =>
      over
        ? t('dnd.end', { name: nameOf(a.data.current), target: nameOf(over.data.current) })
        : t('dnd.endOutside', { name: nameOf(a.data.current) }),
    onDragCancel: ({ active: a }) => t('dnd.cancel', { name: nameOf(a.data.current) }),
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      {children(indicator)}
      <DragOverlay dropAnimation={null}>
        {active ? <div className="drag-overlay">{active.name}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}
