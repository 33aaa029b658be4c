/** @module Shared loading of the form test fixtures: the form definitions the data cases refer to. */
import { readFixture } from '../../helpers/fixtures';
import type { FormDefinition } from '../../../engine/forms/index';

/** The form of a case: a file under `tests/fixtures/forms/definitions/` or an inline definition. */
export function caseForm(form: unknown): FormDefinition {
  return typeof form === 'string'
    ? readFixture<FormDefinition>(`forms/definitions/${form}`)
    : (form as FormDefinition);
}

/** Issues reduced to what a case asserts on, in a stable order. */
export function issueKeys(issues: readonly { code: string; path: string }[]): string[] {
  return issues.map((i) => `${i.code} ${i.path}`).sort();
}
