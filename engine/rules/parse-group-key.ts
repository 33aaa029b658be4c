/**
 * @module The group values back from a stored group key (`model=X200;fault=screen`, `*` for none), the
 * inverse of `groupKey` for firings stored before their group values were. The key keeps a value's
 * text, not its type: `null` comes back (`~`), every other value comes back as the string `groupKey`
 * wrote — a number 5 and the text "5" share the key `n=5`, so they cannot be told apart. Field keys are
 * identifiers (no `=` or `;`), which is what makes the key splittable.
 */
import type { GroupValues } from './rule-firing-key';

const unescapeValue = (s: string) =>
  s.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * `model=X200;fault=~` → `{ model: 'X200', fault: null }`; `*` → `{}`. For any group,
 * `groupKey(parseGroupKey(groupKey(g)))` is `groupKey(g)`; with text and null values,
 * `parseGroupKey(groupKey(g))` is `g` itself. Throws on text that is not a group key.
 */
export function parseGroupKey(key: string): GroupValues {
  if (key === '*') return {};
  const entries = key.split(';').map((part) => {
    const at = part.indexOf('=');
    if (at <= 0) throw new Error(`not a group key: ${key}`);
    const value = part.slice(at + 1);
    return [part.slice(0, at), value === '~' ? null : unescapeValue(value)] as const;
  });
  // Own properties even for a name like `__proto__`.
  return Object.fromEntries(entries);
}
