/** @module Finding a form's fields by key (sections are transparent) and labelling keys for messages. */
import type { FieldDefinition, FormDefinition } from '../../engine';
import { pickText, type UiLocale } from '../i18n/locale-context';

export function findField(fields: readonly FieldDefinition[], key: string): FieldDefinition | undefined {
  for (const field of fields) {
    if (field.key === key && field.type !== 'section') return field;
    if (field.type === 'section') {
      const inner = findField(field.fields, key);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The fields' labels in the UI locale (the key when the form has no such field), joined for a sentence. */
export function fieldLabels(form: FormDefinition | null, keys: readonly string[], locale: UiLocale): string {
  const labels = keys.map((key) => {
    const field = form ? findField(form.fields, key) : undefined;
    return (field ? pickText(field.label, locale) : '') || key;
  });
  return labels.join(locale === 'zh-CN' ? '、' : ', ');
}
