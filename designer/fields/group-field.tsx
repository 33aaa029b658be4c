/**
 * @module A repeating group (sub-table): one card per row with the group's own fields, rows added and
 * removed by the person filling the form, up to the group's `maxItems`. Each row is a named group
 * ("Replaced parts 2") so its fields can be told apart.
 */
import type { ReactNode } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { GROUP_DEFAULT_MAX_ITEMS } from '../../engine/forms/fields/group-field';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { groupMessages } from './group-messages';
import type { FieldOf } from './field-props';
import { messagesId } from './field-shell';

export function GroupField({
  field,
  id,
  name,
  pointer,
  label,
  help,
  required,
  messages,
  readOnly,
  newRow,
  renderRow,
}: {
  field: FieldOf<'group'>;
  id: string;
  name: string;
  pointer: string;
  label: string;
  help?: string;
  required: boolean;
  messages: string[];
  readOnly: boolean;
  newRow(): Record<string, unknown>;
  renderRow(rowName: string, rowPointer: string): ReactNode;
}) {
  const t = useMessages(groupMessages);
  const { locale } = useLocale();
  const { control } = useFormContext();
  const { fields: rows, append, remove } = useFieldArray({ control, name });
  const max = field.maxItems ?? GROUP_DEFAULT_MAX_ITEMS;
  const addLabel = pickText(field.addLabel, locale) || t('addRow', { label });
  return (
    <fieldset
      className={`field group-field${messages.length > 0 ? ' invalid' : ''}`}
      data-field={pointer}
      aria-describedby={messages.length > 0 ? messagesId(id) : undefined}
    >
      <legend>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      {help && <p className="field-help muted">{help}</p>}
      {rows.length === 0 && <p className="muted">{t('noRows')}</p>}
      {rows.map((row, i) => (
        <div key={row.id} className="group-row" role="group" aria-label={t('rowName', { label, n: i + 1 })}>
          <div className="row space-between group-row-head">
            <strong>{t('rowName', { label, n: i + 1 })}</strong>
            {!readOnly && (
              <button
                type="button"
                className="link-button"
                aria-label={t('removeRow', { label, n: i + 1 })}
                onClick={() => remove(i)}
              >
                {t('remove')}
              </button>
            )}
          </div>
          {renderRow(`${name}.${i}`, `${pointer}/${i}`)}
        </div>
      ))}
      {messages.length > 0 && (
        <ul className="field-messages" id={messagesId(id)}>
          {messages.map((message, i) => (
            <li key={i} className="error">
              {message}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button type="button" id={id} onClick={() => append(newRow())} disabled={rows.length >= max}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}
