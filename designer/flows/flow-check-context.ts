/**
 * @module What the browser knows outside the flow, as the engine's `DefinitionContext`, so that
 * `validateDefinition('flow', …)` here says what the server will say: the stored forms (and the fields
 * of the flow's form), the built-in and stored calendars.
 */
import { BUILT_IN_CALENDARS, type DefinitionContext, type FieldInfo } from '../../engine';

export interface KnownDefinitions {
  forms: readonly string[];
  /** The flow's form and its fields, once loaded. */
  form?: { key: string; fields: readonly FieldInfo[] };
  calendars: readonly string[];
}

export function flowCheckContext(known: KnownDefinitions): DefinitionContext {
  const fields = known.form ? new Map(known.form.fields.map((f) => [f.key, f])) : undefined;
  return {
    has(kind, key) {
      if (kind === 'form') return known.forms.includes(key);
      if (kind === 'calendar') return Object.hasOwn(BUILT_IN_CALENDARS, key) || known.calendars.includes(key);
      return false;
    },
    formFields(formKey) {
      return known.form?.key === formKey ? fields : undefined;
    },
  };
}

/** Calendar keys a flow or policy may name: the built-in ones first, then the stored ones. */
export function calendarChoices(stored: readonly string[]): string[] {
  return [
    ...Object.keys(BUILT_IN_CALENDARS).sort((a, b) => (a === 'cn-2026' ? -1 : b === 'cn-2026' ? 1 : 0)),
    ...stored.filter((k) => !Object.hasOwn(BUILT_IN_CALENDARS, k)),
  ];
}
