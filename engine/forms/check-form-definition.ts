/**
 * @module Semantic checks of a form definition, run after its meta-schema passed: keys, per-field
 * constraints and defaults, expressions and their dependencies. External references (a customer
 * field's source form) are checked only when a context is given.
 */
import type { DefinitionContext } from '../definitions/definition-context';
import type { Issue } from '../issues/issue';
import type { Locale } from '../issues/locale';
import { checkFormExpressions } from './check-form-expressions';
import { checkFormFields } from './check-form-fields';
import { checkFormKeys } from './check-form-keys';
import type { FormDefinition } from './form-definition.schema';
import { formTree } from './form-tree';

/** Issues of `form`; `[]` when it can be saved. */
export function checkFormDefinition(
  form: FormDefinition,
  context: DefinitionContext | undefined,
  locale: Locale = 'en',
): Issue[] {
  const top = formTree(form);
  return [
    ...checkFormKeys(top, locale),
    ...checkFormFields(top, context, locale),
    ...checkFormExpressions(form, top, locale),
  ];
}
