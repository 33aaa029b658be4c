/** @module A field's placeholder in the UI locale, when its definition has one. */
import { pickText, useLocale } from '../i18n/locale-context';
import type { LeafField } from './field-props';

export function usePlaceholder(field: LeafField): string | undefined {
  const { locale } = useLocale();
  return 'placeholder' in field && field.placeholder ? pickText(field.placeholder, locale) : undefined;
}
