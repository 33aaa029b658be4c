/**
 * @module "Which record" a set-fields action writes to: this record (the triggering one), or the
 * record whose id is in one of its fields — a survey's ticket — and that record's form, optionally
 * one step further to the record in a field of that one — the ticket's customer — and its form. The
 * values are still read from the triggering record; the fields offered to set are the target form's.
 */
import type { LinkedRecord } from '../../engine/rules/rule-definition.schema';
import { pickText, useLocale } from '../i18n/locale-context';
import { fieldName } from './field-name';
import {
  firstForm,
  linkTo,
  withFirstField,
  withFirstForm,
  withSecondField,
  withSecondForm,
} from './linked-record-draft';
import type { LabelledField } from './rule-fields';
import type { DefinitionSummary } from './rules-api';
import { useRulesT } from './rules-messages';

interface LinkedRecordInputProps {
  value: LinkedRecord | undefined;
  /** The triggering record's fields: the first id is read from one of them. */
  recordFields: readonly LabelledField[];
  forms: readonly DefinitionSummary[];
  /** Fields of the forms loaded so far, by form key. */
  formFields: ReadonlyMap<string, readonly LabelledField[]>;
  onChange(next: LinkedRecord | undefined): void;
}

/** Fields that can hold one record id (a string): single values, not numbers, lists or groups. */
const idFields = (fields: readonly LabelledField[]) =>
  fields.filter((f) => !f.multiple && !f.numeric && f.type !== 'group');

export function LinkedRecordInput({
  value,
  recordFields,
  forms,
  formFields,
  onChange,
}: LinkedRecordInputProps) {
  const t = useRulesT();
  const { locale } = useLocale();
  const defaultForm = forms[0]?.key ?? '';
  const formSelect = (label: string, current: string, change: (form: string) => void) => (
    <label>
      {label}
      <select value={current} onChange={(e) => change(e.target.value)}>
        {forms.some((f) => f.key === current) ? null : <option value={current}>{current || '—'}</option>}
        {forms.map((f) => (
          <option key={f.key} value={f.key}>
            {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
          </option>
        ))}
      </select>
    </label>
  );
  const fieldOptions = (fields: readonly LabelledField[], current: string) => (
    <>
      {current === '' || fields.some((f) => f.key === current) ? null : (
        <option value={current}>{current}</option>
      )}
      {idFields(fields).map((f) => (
        <option key={f.key} value={f.key}>
          {fieldName(f, locale)}
        </option>
      ))}
    </>
  );

  const first = value ? firstForm(value) : '';
  const [head = '', next = ''] = value?.via ?? [];
  return (
    <div className="rule-fields rule-linked-record" role="group" aria-label={t('setFields.record')}>
      <label>
        {t('setFields.record')}
        <select
          value={value ? 'linked' : 'this'}
          onChange={(e) =>
            onChange(
              e.target.value === 'linked'
                ? linkTo(idFields(recordFields)[0]?.key ?? '', defaultForm)
                : undefined,
            )
          }
        >
          <option value="this">{t('setFields.this')}</option>
          <option value="linked">{t('setFields.linked')}</option>
        </select>
      </label>
      {value ? (
        <>
          <label>
            {t('setFields.field')}
            <select value={head} onChange={(e) => onChange(withFirstField(value, e.target.value))}>
              {fieldOptions(recordFields, head)}
            </select>
          </label>
          {formSelect(t('setFields.form'), first, (form) => onChange(withFirstForm(value, form)))}
          <label>
            {t('setFields.then')}
            <select
              value={next}
              onChange={(e) => onChange(withSecondField(value, e.target.value, defaultForm))}
            >
              <option value="">{t('setFields.thenNone')}</option>
              {next === '' || (formFields.get(first) ?? []).some((f) => f.key === next) ? null : (
                <option value={next}>{t('setFields.thenField', { field: next })}</option>
              )}
              {idFields(formFields.get(first) ?? []).map((f) => (
                <option key={f.key} value={f.key}>
                  {t('setFields.thenField', { field: fieldName(f, locale) })}
                </option>
              ))}
            </select>
          </label>
          {next !== ''
            ? formSelect(t('setFields.thenForm'), value.form, (form) => onChange(withSecondForm(value, form)))
            : null}
          <p className="muted small">{t('setFields.hint')}</p>
        </>
      ) : null}
    </div>
  );
}
