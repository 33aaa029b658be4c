/**
 * @module A small DefinitionContext for report tests: forms with their FieldInfo lists (as fixtures
 * write them) and the keys of known reports.
 */
import type { DefinitionContext, FieldInfo } from '../../engine/definitions/definition-context';
import type { FieldLookup } from '../../engine/reports/report-field';

export function reportContext(
  forms: Record<string, FieldInfo[]> = {},
  reports: string[] = [],
): DefinitionContext & { lookup: FieldLookup } {
  const maps = new Map(
    Object.entries(forms).map(([form, fields]) => [form, new Map(fields.map((f) => [f.key, f]))]),
  );
  return {
    formFields: (form) => maps.get(form),
    has: (kind, key) => (kind === 'report' ? reports.includes(key) : kind === 'form' ? maps.has(key) : false),
    lookup: (form) => maps.get(form),
  };
}

/** The survey / ticket forms most report tests use. */
export const SERVICE_FORMS: Record<string, FieldInfo[]> = {
  ticket: [
    { key: 'category', type: 'select', numeric: false, options: ['screen', 'battery', 'noise'] },
    { key: 'product', type: 'product', numeric: false },
    { key: 'serial', type: 'serial', numeric: false },
    { key: 'subject', type: 'text', numeric: false },
    { key: 'cost', type: 'money', numeric: true },
    { key: 'workMinutes', type: 'number', numeric: true },
    { key: 'contacts', type: 'integer', numeric: true },
    { key: 'firstResponseAt', type: 'datetime', numeric: false },
    { key: 'visitDate', type: 'date', numeric: false },
    { key: 'tags', type: 'select', numeric: false, multiple: true },
    { key: 'satisfaction', type: 'rating', numeric: true },
    { key: 'likelihood', type: 'nps', numeric: true },
    { key: 'effort', type: 'ces', numeric: true },
    { key: 'customerTier', type: 'select', numeric: false, options: ['vip', 'key', 'standard'] },
  ],
  survey: [
    { key: 'ticket', type: 'text', numeric: false },
    { key: 'rating', type: 'rating', numeric: true },
    { key: 'nps', type: 'nps', numeric: true },
    { key: 'comment', type: 'textarea', numeric: false },
  ],
};
