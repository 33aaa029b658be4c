/**
 * @module The record's data, labelled from its pinned form version: fields in the form's order under
 * their section headings, each value formatted by type. "Edit" turns it into the form renderer (the
 * engine validates as in the fill page); saving sends `PATCH` with `If-Match: <revision>`, and a 409
 * (someone changed the record meanwhile) reloads the record and says so.
 */
import { useState } from 'react';
import type { FieldDefinition, FormDefinition } from '../../engine';
import { ApiError } from '../api/api-error';
import { FormRenderer } from '../form-renderer/form-renderer';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import type { Person } from './definition-cache';
import { FieldValue } from './field-value';
import { updateData, type RecordDetail } from './record-api';
import { recordMessages } from './record-messages';

export interface RecordDataProps {
  record: RecordDetail;
  form: FormDefinition | null;
  people: readonly Person[];
  /** Whether the user may change the record (an action is offered, or it is theirs to edit). */
  editable: boolean;
  /** Reloads the page's record; `message` is announced once it is back. */
  onChanged(message: string, warn?: boolean): void;
}

function FieldRows({
  fields,
  record,
  people,
}: {
  fields: FieldDefinition[];
  record: RecordDetail;
  people: readonly Person[];
}) {
  const { locale } = useLocale();
  return (
    <>
      {fields.map((field) =>
        field.type === 'section' ? (
          <div key={field.key} className="data-section">
            <h3>{pickText(field.label, locale) || field.key}</h3>
            <dl className="data-list">
              <FieldRows fields={field.fields} record={record} people={people} />
            </dl>
          </div>
        ) : (
          <div key={field.key} className="data-row">
            <dt>{pickText(field.label, locale) || field.key}</dt>
            <dd>
              <FieldValue field={field} value={record.data[field.key]} people={people} />
            </dd>
          </div>
        ),
      )}
    </>
  );
}

export function RecordData({ record, form, people, editable, onChanged }: RecordDataProps) {
  const t = useMessages(recordMessages);
  const [editing, setEditing] = useState(false);

  async function save(data: Record<string, unknown>) {
    try {
      await updateData(record.id, record.revision, data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'stale-revision') {
        setEditing(false);
        onChanged(t('stale'), true);
        return;
      }
      throw error;
    }
    setEditing(false);
    onChanged(t('saved'));
  }

  return (
    <section className="card record-data" aria-labelledby="record-data-title">
      <div className="row space-between">
        <h2 id="record-data-title">{t('data')}</h2>
        {form && editable && (
          <button type="button" onClick={() => setEditing((on) => !on)}>
            {editing ? t('cancelEdit') : t('edit')}
          </button>
        )}
      </div>
      {editing && form ? (
        <FormRenderer
          form={form}
          initialData={record.data}
          submitLabel={t('save')}
          uploadUrl={`/api/attachments?form=${encodeURIComponent(record.form)}`}
          onSubmit={save}
        />
      ) : form ? (
        <dl className="data-list">
          <FieldRows fields={form.fields} record={record} people={people} />
        </dl>
      ) : (
        <pre className="data-raw">{JSON.stringify(record.data, null, 2)}</pre>
      )}
    </section>
  );
}
