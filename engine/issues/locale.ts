/** @module The two UI languages and the bilingual text shape used by definitions and messages. */

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Text an author writes once per language; either language may be missing while drafting. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** Picks the text for `locale`, falling back to the other language, then to `fallback`. */
export function pickText(text: LocalizedText | string | undefined, locale: Locale, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale === 'en' ? 'zh-CN' : 'en'] ?? fallback;
}
