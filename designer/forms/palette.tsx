/**
 * @module The palette: every field type the engine supports (its list, not a copy), each draggable
 * onto the canvas with the mouse, touch or keyboard, and with a "+" button that adds it without
 * dragging (after the selected field, or into the selected section / group).
 */
import { useDraggable } from '@dnd-kit/core';
import { useMessages } from '../i18n/define-messages';
import { FIELD_TYPES } from './engine-field-types';
import { useFieldTypeNames } from './field-type-messages';
import { formsMessages } from './forms-messages';

/** A glyph per type, decoration only. */
const GLYPHS: Record<string, string> = {
  text: 'T',
  textarea: '¶',
  number: '#',
  integer: '№',
  money: '¥',
  date: '▦',
  datetime: '◷',
  select: '▾',
  radio: '◉',
  checkbox: '☑',
  rating: '★',
  nps: '⑩',
  ces: '⚖',
  phone: '☎',
  email: '@',
  region: '◎',
  product: '▣',
  serial: '▥',
  attachment: '✉',
  signature: '✍',
  customer: '☺',
  user: '⚇',
  section: '▤',
  group: '◫',
};

export interface PaletteDragData {
  source: 'palette';
  fieldType: string;
  name: string;
}

function PaletteItem({ type, onAdd }: { type: string; onAdd(type: string): void }) {
  const t = useMessages(formsMessages);
  const { typeName } = useFieldTypeNames();
  const name = typeName(type);
  const data: PaletteDragData = { source: 'palette', fieldType: type, name };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `palette:${type}`, data });
  return (
    <li className={isDragging ? 'palette-item dragging' : 'palette-item'}>
      <div
        ref={setNodeRef}
        className="palette-drag"
        {...listeners}
        {...attributes}
        aria-label={t('palette.drag', { type: name })}
        data-field-type={type}
      >
        <span className="glyph" aria-hidden="true">
          {GLYPHS[type] ?? '•'}
        </span>
        <span>{name}</span>
      </div>
      <button
        type="button"
        className="palette-add"
        aria-label={t('palette.add', { type: name })}
        onClick={() => onAdd(type)}
      >
        +
      </button>
    </li>
  );
}

export function Palette({ onAdd }: { onAdd(type: string): void }) {
  const t = useMessages(formsMessages);
  return (
    <section className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">{t('palette.title')}</h2>
      <p className="muted small">{t('palette.hint')}</p>
      <ul className="palette-list">
        {FIELD_TYPES.map((type) => (
          <PaletteItem key={type} type={type} onAdd={onAdd} />
        ))}
      </ul>
    </section>
  );
}
