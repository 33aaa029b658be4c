/**
 * @module The one error shape of the product: every validation problem, in forms, flows, rules,
 * reports and the API, is an `Issue` value with a stable code and a JSON Pointer to the bad part.
 */
import type { Locale } from './locale';

export interface Issue {
  /** Stable, machine-readable code, e.g. `required`, `unknown-field`. */
  code: string;
  /** JSON Pointer (RFC 6901) to the offending part itself, `''` for the whole document. */
  path: string;
  /** The values the message is made from, so clients can render their own text. */
  params?: Record<string, unknown>;
  /** Human-readable message in the requested locale. */
  message: string;
}

/** A message template per locale; `{name}` placeholders are filled from an issue's params. */
export type MessageTemplates = Record<Locale, string>;

/** A catalogue of message templates keyed by issue code. Each area of the engine keeps its own. */
export type MessageCatalog = Record<string, MessageTemplates>;

/** Fills `{name}` placeholders; arrays are joined with commas, missing params stay visible as `{name}`. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  });
}

/** Builds an issue whose message comes from `catalog[code]` in `locale` (English if the code is unknown). */
export function createIssue(
  catalog: MessageCatalog,
  code: string,
  path: string,
  params: Record<string, unknown> = {},
  locale: Locale = 'en',
): Issue {
  const templates = catalog[code];
  const message = templates ? formatMessage(templates[locale], params) : code;
  return Object.keys(params).length > 0 ? { code, path, params, message } : { code, path, message };
}
