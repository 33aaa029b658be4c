/**
 * @module The definition context the engine checks a report against in the browser: the forms the
 * server lists, with the fields of those whose bodies are loaded — so the browser says the same as
 * the server's 422 about unknown forms and fields.
 */
import { listFormFields, type DefinitionContext, type FieldInfo, type FormDefinition } from '../../engine';

export function browserReportContext(
  list: readonly { key: string }[],
  forms: ReadonlyMap<string, FormDefinition>,
): DefinitionContext {
  const keys = new Set([...list.map((f) => f.key), ...forms.keys()]);
  const cache = new Map<string, Map<string, FieldInfo>>();
  return {
    has: (kind, key) => kind === 'form' && keys.has(key),
    formFields(formKey) {
      const form = forms.get(formKey);
      if (!form) return undefined;
      let fields = cache.get(formKey);
      if (!fields) {
        try {
          fields = new Map(listFormFields(form).map((f) => [f.key, f]));
        } catch {
          fields = new Map();
        }
        cache.set(formKey, fields);
      }
      return fields;
    },
  };
}
