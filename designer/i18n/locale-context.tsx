/**
 * @module The UI locale (zh-CN or en): chosen once, kept in localStorage, sent to the API as
 * `Accept-Language`, and `useT()` to read strings with `{name}` placeholders filled.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api/api-client';
import { fillMessage } from './fill-message';
import { messagesEn, type MessageKey } from './messages-en';
import { messagesZhCN } from './messages-zh-CN';

export type UiLocale = 'zh-CN' | 'en';

const STORAGE_KEY = 'closedloop.locale';
const CATALOGS: Record<UiLocale, Record<MessageKey, string>> = { en: messagesEn, 'zh-CN': messagesZhCN };

function initialLocale(): UiLocale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('en')
    ? 'en'
    : 'zh-CN';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LocaleState {
  locale: UiLocale;
  setLocale(locale: UiLocale): void;
  t: Translate;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: UiLocale }) {
  const [locale, setLocaleState] = useState<UiLocale>(() => fixed ?? initialLocale());
  setApiLocale(locale);
  const setLocale = useCallback((next: UiLocale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => fillMessage(CATALOGS[locale][key], params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs a LocaleProvider above it');
  return state;
}

export const useT = (): Translate => useLocale().t;

/** Picks the UI locale's text from a definition's `{ 'zh-CN'?, en? }` label, falling back to the other. */
export function pickText(
  text: { 'zh-CN'?: string; en?: string } | string | undefined,
  locale: UiLocale,
): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'en' ? (text.en ?? text['zh-CN']) : (text['zh-CN'] ?? text.en)) ?? '';
}
