/**
 * @module `validateDefinition(kind, doc)`: the one check every definition passes before it is saved —
 * its kind's meta-schema (Ajv, strict), then what a schema cannot say (references inside the document
 * and, given a context, to other definitions). Returns issues; `[]` means valid.
 */
import { createIssue, type Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import { appBundleSchema, type AppBundle } from './app-bundle.schema';
import { checkAppBundle } from './check-app-bundle';
import type { DefinitionContext, DefinitionKind } from './definition-context';
import { DEFINITION_KINDS } from './definition-kinds';
import { definitionMessages } from './definition-messages';
import { schemaIssues } from './schema-issues';

export interface ValidateDefinitionOptions {
  locale?: Locale;
  /** What the definition may refer to outside itself; without it, external references are not checked. */
  context?: DefinitionContext;
}

export const DEFINITION_KIND_NAMES: readonly DefinitionKind[] = [
  'form',
  'flow',
  'rule',
  'report',
  'dashboard',
  'calendar',
  'app',
];

export function validateDefinition(
  kind: DefinitionKind,
  doc: unknown,
  options: ValidateDefinitionOptions = {},
): Issue[] {
  const locale = options.locale ?? 'en';
  if (kind === 'app') {
    const frame = schemaIssues(appBundleSchema, doc, locale);
    return frame.length > 0 ? frame : checkAppBundle(doc as AppBundle, options.context, locale);
  }
  const spec = Object.prototype.hasOwnProperty.call(DEFINITION_KINDS, kind)
    ? DEFINITION_KINDS[kind]
    : undefined;
  if (!spec) return [createIssue(definitionMessages, 'unknown-kind', '', { kind }, locale)];
  const structural = schemaIssues(spec.schema, doc, locale);
  return structural.length > 0 ? structural : spec.check(doc as never, options.context, locale);
}
