/** @module How the rule designer names a form field: its label in the UI locale and its key. */
import { pickText } from '../i18n/locale-context';
import type { LabelledField } from './rule-fields';

export function fieldName(field: LabelledField, locale: 'zh-CN' | 'en'): string {
  const label = typeof field.label === 'string' ? field.label : pickText(field.label, locale);
  return label ? `${label} (${field.key})` : field.key;
}
