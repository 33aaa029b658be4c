/**
 * @module One field on the canvas: a sortable card (drag it anywhere with a pointer, or with the
 * keyboard from its handle) showing its label, type, key, required and conditional marks and the
 * number of problems; select, duplicate and delete buttons. Sections and groups hold their own list.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useMemo, type ReactNode } from 'react';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { useFieldTypeNames } from './field-type-messages';
import type { DraftNode } from './form-draft-tree';
import { formsMessages } from './forms-messages';

export interface CardDragData {
  source: 'card';
  parentId: string | null;
  /** Ids of the containers around the card, outermost first. */
  ancestors: string[];
  name: string;
}

/** What the buttons of a card do, by the card's node id; the same object for the canvas's whole life. */
export interface CardActions {
  select(id: string): void;
  duplicate(id: string): void;
  remove(id: string): void;
}

interface FieldCardProps {
  node: DraftNode;
  parentId: string | null;
  ancestors: string[];
  selected: boolean;
  problems: number;
  /** A drop line before or after the card while something is dragged over it. */
  indicator: 'before' | 'after' | null;
  actions: CardActions;
  children?: ReactNode;
}

/** The name a user knows a field by: its label in the UI language, else its key. */
export function useFieldName(): (node: DraftNode) => string {
  const { locale } = useLocale();
  return (node) => pickText(node.field.label as { en?: string }, locale) || node.field.key;
}

interface CardHeadProps {
  id: string;
  field: DraftNode['field'];
  name: string;
  selected: boolean;
  problems: number;
  actions: CardActions;
  /** The drag handle's accessibility attributes and ref, from `useSortable`. */
  handle: Pick<ReturnType<typeof useSortable>, 'attributes' | 'setActivatorNodeRef'>;
}

/**
 * The card's head. Every card re-renders whenever a drag moves or a list changes (each holds a
 * sortable), but its head only changes with the field, so it is memoised: on a 200-field form that
 * is most of the work of a drag and a drop.
 */
const CardHead = memo(function CardHead({
  id,
  field,
  name,
  selected,
  problems,
  actions,
  handle,
}: CardHeadProps) {
  const t = useMessages(formsMessages);
  const { typeName } = useFieldTypeNames();
  return (
    <div className="card-head">
      <button
        type="button"
        ref={handle.setActivatorNodeRef}
        className="drag-handle"
        {...handle.attributes}
        aria-label={t('card.move', { name })}
      >
        ⠿
      </button>
      <button
        type="button"
        className="card-select"
        aria-pressed={selected}
        aria-label={t('card.select', { name })}
        onClick={() => actions.select(id)}
      >
        <span className="card-label">
          {name}
          {field.required === true && <span className="required-mark"> *</span>}
        </span>
        <span className="card-meta muted">
          {typeName(field.type)} · {field.key}
        </span>
      </button>
      <span className="card-badges">
        {(field.visibleWhen !== undefined || field.requiredWhen !== undefined) && (
          <span className="badge">{t('card.conditional')}</span>
        )}
        {problems > 0 && <span className="badge bad">{t('card.problems', { count: problems })}</span>}
      </span>
      <span className="card-actions">
        <button
          type="button"
          className="icon"
          aria-label={t('card.duplicate', { name })}
          title={t('card.duplicate', { name })}
          onClick={() => actions.duplicate(id)}
        >
          ❐
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('card.delete', { name })}
          title={t('card.delete', { name })}
          onClick={() => actions.remove(id)}
        >
          ✕
        </button>
      </span>
    </div>
  );
});

export function FieldCard(props: FieldCardProps) {
  const { node, parentId, ancestors, selected, problems, indicator, actions, children } = props;
  const name = useFieldName()(node);
  const data: CardDragData = { source: 'card', parentId, ancestors, name };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: node.id,
      data,
    });
  const handle = useMemo(() => ({ attributes, setActivatorNodeRef }), [attributes, setActivatorNodeRef]);
  const field = node.field;
  const classes = [
    'field-card',
    node.children ? `container ${field.type}` : '',
    selected ? 'selected' : '',
    isDragging ? 'dragging' : '',
    problems > 0 ? 'has-problems' : '',
    indicator ? `drop-${indicator}` : '',
  ].filter(Boolean);
  return (
    <li
      ref={setNodeRef}
      className={classes.join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-node-id={node.id}
      {...listeners}
    >
      <CardHead
        id={node.id}
        field={field}
        name={name}
        selected={selected}
        problems={problems}
        actions={actions}
        handle={handle}
      />
      {children}
    </li>
  );
}
