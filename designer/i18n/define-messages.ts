/**
 * @module Per-area message catalogs, so each area of the designer keeps its own strings beside its
 * code: `defineMessages({ en: {...}, 'zh-CN': {...} })` (the zh-CN catalog must have every English key)
 * and `useMessages(catalog)` → `t(key, params)` in the current UI locale.
 */
import { useCallback } from 'react';
import { fillMessage } from './fill-message';
import { useLocale, type UiLocale } from './locale-context';

export type Catalog<K extends string> = Record<UiLocale, Record<K, string>>;

export function defineMessages<const E extends Record<string, string>>(catalog: {
  en: E;
  'zh-CN': Record<keyof E & string, string>;
}): Catalog<keyof E & string> {
  return catalog;
}

export function useMessages<K extends string>(
  catalog: Catalog<K>,
): (key: K, params?: Record<string, string | number>) => string {
  const { locale } = useLocale();
  return useCallback((key, params) => fillMessage(catalog[locale][key], params), [catalog, locale]);
}
