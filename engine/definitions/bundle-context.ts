/**
 * @module The DefinitionContext an app bundle gives its parts: a flow in the bundle can require
 * fields of a form in the same bundle, a dashboard can show its reports. An outer context (what is
 * already stored) answers for keys the bundle does not hold.
 */
import { isBuiltInCalendar } from '../calendars/built-in-calendars';
import { listFormFields } from '../forms/form-fields';
import type { AppBundle } from './app-bundle.schema';
import { BUNDLE_PARTS } from './app-bundle.schema';
import type { DefinitionContext, DefinitionKind, FieldInfo } from './definition-context';

export function bundleContext(bundle: AppBundle, outer?: DefinitionContext): DefinitionContext {
  const keys = new Map<DefinitionKind, Set<string>>();
  for (const [part, kind] of Object.entries(BUNDLE_PARTS)) {
    const docs = (bundle[part as keyof typeof BUNDLE_PARTS] ?? []) as { key?: unknown }[];
    keys.set(kind, new Set(docs.map((d) => d.key).filter((k): k is string => typeof k === 'string')));
  }
  const fieldCache = new Map<string, Map<string, FieldInfo>>();
  return {
    has(kind, key) {
      if (kind === 'calendar' && isBuiltInCalendar(key)) return true;
      return keys.get(kind)?.has(key) === true || outer?.has(kind, key) === true;
    },
    flowStages(flowKey) {
      const flow = bundle.flows?.find((f) => f.key === flowKey);
      return flow ? Object.keys(flow.machine.states) : outer?.flowStages?.(flowKey);
    },
    formFields(formKey) {
      const cached = fieldCache.get(formKey);
      if (cached) return cached;
      const form = bundle.forms?.find((f) => f.key === formKey);
      if (!form) return outer?.formFields(formKey);
      const fields = new Map(listFormFields(form).map((f) => [f.key, f]));
      fieldCache.set(formKey, fields);
      return fields;
    },
  };
}
