/**
 * @module Checks a whole app bundle: its frame, every part against its kind (with paths into the
 * bundle), keys unique per kind, references between parts resolved inside the bundle, and role
 * permissions naming forms that exist.
 */
import { createIssue, type Issue } from '../issues/issue';
import { childPointer, pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import type { AppBundle } from './app-bundle.schema';
import { BUNDLE_PARTS } from './app-bundle.schema';
import { bundleContext } from './bundle-context';
import type { DefinitionContext } from './definition-context';
import { DEFINITION_KINDS } from './definition-kinds';
import { definitionMessages } from './definition-messages';
import { schemaIssues } from './schema-issues';

/** Re-roots issues of a part at its place in the bundle. */
function under(base: string, issues: Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, path: base + issue.path }));
}

export function checkAppBundle(bundle: AppBundle, outer: DefinitionContext | undefined, locale: Locale): Issue[] {
  const issues: Issue[] = [];
  const context = bundleContext(bundle, outer);
  // Parts that fail their schema are left out of the semantic checks, which assume the schema's shape.
  for (const [part, kind] of Object.entries(BUNDLE_PARTS)) {
    const docs = (bundle[part as keyof typeof BUNDLE_PARTS] ?? []) as { key?: string }[];
    const seen = new Set<string>();
    docs.forEach((doc, index) => {
      const base = pointer(part, index);
      const spec = DEFINITION_KINDS[kind];
      const structural = schemaIssues(spec.schema, doc, locale);
      if (structural.length > 0) {
        issues.push(...under(base, structural));
        return;
      }
      if (doc.key !== undefined) {
        if (seen.has(doc.key)) {
          issues.push(createIssue(definitionMessages, 'duplicate-definition', childPointer(base, 'key'), { kind, key: doc.key }, locale));
        }
        seen.add(doc.key);
      }
      issues.push(...under(base, spec.check(doc as never, context, locale)));
    });
  }
  bundle.roles?.forEach((role, index) => {
    for (const form of Object.keys(role.forms ?? {})) {
      if (!context.has('form', form)) {
        issues.push(createIssue(definitionMessages, 'unknown-form', pointer('roles', index, 'forms', form), { form }, locale));
      }
    }
  });
  return issues;
}
