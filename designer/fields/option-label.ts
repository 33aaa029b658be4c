/** @module An option's label in the UI locale, its value when it has none. */
import { pickText, type UiLocale } from '../i18n/locale-context';

export interface Option {
  value: string;
  label?: { 'zh-CN'?: string; en?: string };
}

export const optionLabel = (option: Option, locale: UiLocale): string =>
  pickText(option.label, locale) || option.value;
