/**
 * @module Keyboard dragging: canvas cards move with @dnd-kit's `sortableKeyboardCoordinates` (arrow
 * keys step to the next card or list, across sections and groups); a palette item, which is not part
 * of any sortable list, steps the same way from one drop place to the next.
 */
import {
  closestCorners,
  getFirstCollision,
  KeyboardCode,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

const DIRECTIONS: string[] = [KeyboardCode.Down, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Left];

const paletteCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if (!DIRECTIONS.includes(event.code)) return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const ahead = droppableContainers.getEnabled().filter((entry) => {
    const rect = droppableRects.get(entry.id);
    if (!rect) return false;
    if (event.code === KeyboardCode.Down) return collisionRect.top < rect.top;
    if (event.code === KeyboardCode.Up) return collisionRect.top > rect.top;
    if (event.code === KeyboardCode.Right) return collisionRect.left < rect.left;
    return collisionRect.left > rect.left;
  });
  const collisions = closestCorners({
    active,
    collisionRect,
    droppableRects,
    droppableContainers: ahead,
    pointerCoordinates: null,
  });
  let id = getFirstCollision(collisions, 'id');
  if (id === over?.id && collisions.length > 1) id = collisions[1]?.id ?? id;
  const rect = id == null ? undefined : droppableRects.get(id);
  return rect ? { x: rect.left, y: rect.top } : undefined;
};

export const designerKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) =>
  args.context.active?.data.current?.source === 'palette'
    ? paletteCoordinates(event, args)
    : sortableKeyboardCoordinates(event, args);
