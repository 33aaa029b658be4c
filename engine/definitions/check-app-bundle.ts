/**
 * @module Checks a whole app bundle: every part against its kind's schema (with paths into the
 * bundle), keys unique per kind, then each part's own checks with references resolved inside the
 * bundle, and role permissions naming forms that exist.
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

type PartName = keyof typeof BUNDLE_PARTS;

function partsOf(bundle: AppBundle): { part: PartName; index: number; doc: { key?: string } }[] {
  return Object.keys(BUNDLE_PARTS).flatMap((part) =>
    ((bundle[part as PartName] ?? []) as { key?: string }[]).map((doc, index) => ({
      part: part as PartName,
      index,
      doc,
    })),
  );
}

export function checkAppBundle(
  bundle: AppBundle,
  outer: DefinitionContext | undefined,
  locale: Locale,
): Issue[] {
  const parts = partsOf(bundle);
  // Phase 1: shapes. The checks of phase 2 read other parts through the context (a flow reads its
  // form's fields), so they only run once every part has the shape its schema promises.
  const structural = parts.flatMap(({ part, index, doc }) =>
    under(pointer(part, index), schemaIssues(DEFINITION_KINDS[BUNDLE_PARTS[part]].schema, doc, locale)),
  );
  if (structural.length > 0) return structural;

  const issues: Issue[] = [];
  const context = bundleContext(bundle, outer);
  const seen = new Map<string, Set<string>>();
  for (const { part, index, doc } of parts) {
    const kind = BUNDLE_PARTS[part];
    const base = pointer(part, index);
    const keys = seen.get(kind) ?? new Set<string>();
    seen.set(kind, keys);
    if (doc.key === undefined) {
      // Only calendars may go without a key on their own; in a bundle every part is addressed by it.
      issues.push(
        createIssue(definitionMessages, 'missing-key', childPointer(base, 'key'), { key: 'key' }, locale),
      );
    } else {
      if (keys.has(doc.key)) {
        issues.push(
          createIssue(
            definitionMessages,
            'duplicate-definition',
            childPointer(base, 'key'),
            { kind, key: doc.key },
            locale,
          ),
        );
      }
      keys.add(doc.key);
    }
    issues.push(...under(base, DEFINITION_KINDS[kind].check(doc as never, context, locale)));
  }
  bundle.roles?.forEach((role, index) => {
    for (const form of Object.keys(role.forms ?? {})) {
      if (!context.has('form', form)) {
        issues.push(
          createIssue(
            definitionMessages,
            'unknown-form',
            pointer('roles', index, 'forms', form),
            { form },
            locale,
          ),
        );
      }
    }
  });
  return issues;
}
