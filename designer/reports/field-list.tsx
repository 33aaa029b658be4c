/**
 * @module The fields of the chosen form(s): each can be dragged (mouse, touch or keyboard, with
 * @dnd-kit) onto the dimensions or measures well, or added with its two buttons.
 */
import { useDraggable } from '@dnd-kit/core';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { ReportFieldOption } from './report-fields';
import { reportsMessages } from './reports-messages';

/** What a dragged field carries; `field` is undefined for "number of records". */
export interface FieldDragData {
  field: string | undefined;
  numeric: boolean;
  /** Shown while dragging. */
  name?: string;
}

export const COUNT_FIELD = '__count__';

export function useFieldName(): (field: ReportFieldOption | undefined, name: string) => string {
  const { locale } = useLocale();
  return (field, name) => (field?.label ? `${pickText(field.label, locale)}` : name);
}

interface FieldRowProps {
  id: string;
  name: string;
  data: FieldDragData;
  canDimension: boolean;
  onDimension(): void;
  onMeasure(): void;
}

function FieldRow({ id, name, data, canDimension, onDimension, onMeasure }: FieldRowProps) {
  const t = useMessages(reportsMessages);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: { ...data, name } });
  return (
    <li className={`report-field${isDragging ? ' dragging' : ''}`}>
      <button
        type="button"
        ref={setNodeRef}
        className="report-field-handle"
        data-testid={`field-${id}`}
        {...attributes}
        {...listeners}
      >
        {name}
      </button>
      {canDimension && (
        <button
          type="button"
          className="small"
          aria-label={t('fields.addDimension', { name })}
          onClick={onDimension}
        >
          {t('fields.dimensionShort')}
        </button>
      )}
      <button
        type="button"
        className="small"
        aria-label={t('fields.addMeasure', { name })}
        onClick={onMeasure}
      >
        {t('fields.measureShort')}
      </button>
    </li>
  );
}

interface FieldListProps {
  fields: readonly ReportFieldOption[];
  onAddDimension(field: string): void;
  onAddMeasure(data: FieldDragData): void;
}

export function FieldList({ fields, onAddDimension, onAddMeasure }: FieldListProps) {
  const t = useMessages(reportsMessages);
  const fieldName = useFieldName();
  const count: FieldDragData = { field: undefined, numeric: false };
  return (
    <section className="card report-fields" aria-labelledby="report-fields-title">
      <h2 id="report-fields-title">{t('fields.title')}</h2>
      <p className="muted small">{t('fields.hint')}</p>
      <ul>
        <FieldRow
          id={COUNT_FIELD}
          name={t('fields.count')}
          data={count}
          canDimension={false}
          onDimension={() => undefined}
          onMeasure={() => onAddMeasure(count)}
        />
        {fields.map((f) => {
          const data: FieldDragData = { field: f.name, numeric: f.numeric };
          return (
            <FieldRow
              key={f.name}
              id={f.name}
              name={fieldName(f, f.name)}
              data={data}
              canDimension
              onDimension={() => onAddDimension(f.name)}
              onMeasure={() => onAddMeasure(data)}
            />
          );
        })}
      </ul>
    </section>
  );
}
