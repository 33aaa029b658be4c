/**
 * @module Which field the records list's text search looks in: the field a record's title comes from
 * (`record-summary.ts`: the first of `title`, `subject`, … the form has as a single text), so what is
 * found is what the list shows. Null when the form has none — the page then offers no search.
 */
import { listFormFields, type FormDefinition } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';
import { findField } from './form-lookup';
import { SUMMARY_FIELDS } from './record-summary';

export interface SearchField {
  key: string;
  label: string;
}

export function recordSearchField(form: FormDefinition, locale: UiLocale): SearchField | null {
  const fields = listFormFields(form);
  for (const key of SUMMARY_FIELDS) {
    const info = fields.find((f) => f.key === key);
    // The list's `contains` works on one text value, not on numbers, yes/no or lists.
    if (!info || info.numeric || info.multiple || info.type === 'checkbox' || info.type === 'group') continue;
    const field = findField(form.fields, key);
    return { key, label: (field ? pickText(field.label, locale) : '') || key };
  }
  return null;
}
