/**
 * @module The fields a move requires, to fill in on the spot after the stage refused to let the record
 * go without them: each with its own control (the fill page's, `designer/fields/`), sent with the
 * event as its `data` — the runtime validates and stores them with the move in one transaction.
 */
import { useId, useState, type ComponentType, type FormEvent } from 'react';
import type { FormDefinition } from '../../engine';
import { FIELD_VIEWS } from '../fields/field-registry';
import { FieldShell } from '../fields/field-shell';
import type { FieldControlProps, FieldFrame, LeafField } from '../fields/field-props';
import { pickText, useLocale } from '../i18n/locale-context';
import { findField } from './form-lookup';

interface AnyFieldView {
  Control: ComponentType<FieldControlProps>;
  frame: FieldFrame | ((field: LeafField) => FieldFrame);
}

export interface RequiredFieldsFormProps {
  form: FormDefinition;
  fields: string[];
  initialData: Record<string, unknown>;
  submitLabel: string;
  busy: boolean;
  /** Messages about a field (a 422 on the values sent), by key. */
  messages: Record<string, string[]>;
  onSubmit(data: Record<string, unknown>): void;
}

export function RequiredFieldsForm(props: RequiredFieldsFormProps) {
  const { form, fields, initialData, submitLabel, busy, messages, onSubmit } = props;
  const { locale } = useLocale();
  const prefix = useId().replace(/:/g, '');
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(fields.map((key) => [key, initialData[key] ?? null])),
  );
  const leaves = fields
    .map((key) => findField(form.fields, key))
    .filter((f): f is LeafField => f !== undefined && f.type !== 'group' && f.type !== 'section');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(leaves.map((f) => [f.key, values[f.key]])));
  };

  return (
    <form className="required-fields" onSubmit={submit}>
      {leaves.map((field) => {
        // The registry is typed per field type; here the type is only known at run time.
        const view = FIELD_VIEWS[field.type] as unknown as AnyFieldView;
        const frame = typeof view.frame === 'function' ? view.frame(field) : view.frame;
        const id = `${prefix}-${field.key}`;
        const label = pickText(field.label, locale) || field.key;
        const own = messages[field.key] ?? [];
        return (
          <FieldShell
            key={field.key}
            frame={frame}
            pointer={`/${field.key}`}
            id={id}
            label={label}
            required
            messages={own}
          >
            <view.Control
              field={field}
              id={id}
              name={field.key}
              label={label}
              value={values[field.key]}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              onBlur={() => undefined}
              readOnly={busy}
              required
              invalid={own.length > 0}
              describedBy={undefined}
              upload={{ url: `/api/attachments?form=${encodeURIComponent(form.key)}` }}
            />
          </FieldShell>
        );
      })}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
