/**
 * @module Data-driven cases of form definition checking: the meta-schema first, then the semantic
 * checks, as the designer's save does. The sample forms themselves must pass both.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures, readFixture, type FixtureCase } from '../../helpers/fixtures';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { checkFormDefinition, formDefinitionSchema, type FormDefinition } from '../../../engine/forms/index';
import type { Issue } from '../../../engine/issues/issue';
import type { Locale } from '../../../engine/issues/locale';
import { issueKeys } from './form-cases';

interface DefinitionCase extends FixtureCase {
  definition: unknown;
  issues: { code: string; path: string }[];
}

function definitionIssues(doc: unknown, locale: Locale = 'en'): Issue[] {
  const structural = schemaIssues(formDefinitionSchema, doc, locale);
  return structural.length > 0 ? structural : checkFormDefinition(doc as FormDefinition, undefined, locale);
}

const cases = loadFixtures<DefinitionCase>('forms/definition-cases');
const forms = readdirSync(join(import.meta.dirname, '../../fixtures/forms/definitions')).filter((f) =>
  f.endsWith('.json'),
);

describe('form definition fixtures', () => {
  it.each(forms)('sample form %s is valid', (file) => {
    expect(definitionIssues(readFixture(`forms/definitions/${file}`))).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.file} › ${c.name}`, c] as const))('%s', (_name, c) => {
    const issues = definitionIssues(c.definition);
    expect(issueKeys(issues)).toEqual(issueKeys(c.issues));
    for (const issue of issues) expect(issue.message).not.toMatch(/^\s*$|\{\w+\}/);
  });

  it('explains definition problems in both languages', () => {
    const doc = { key: 't', fields: [{ key: 'a', type: 'number', minimum: 5, maximum: 1 }] };
    expect(definitionIssues(doc, 'en')[0]?.message).toBe('maximum (1) is smaller than minimum (5)');
    expect(definitionIssues(doc, 'zh-CN')[0]?.message).toBe('maximum（1）小于 minimum（5）');
  });

  it('checks a customer field source form against the context', () => {
    const doc = { key: 't', fields: [{ key: 'c', type: 'customer', source: 'customers' }] } as FormDefinition;
    const context = { formFields: () => undefined, has: (_kind: string, key: string) => key === 'accounts' };
    expect(issueKeys(checkFormDefinition(doc, context, 'en'))).toEqual(['unknown-form /fields/0/source']);
    expect(checkFormDefinition(doc, undefined, 'en')).toEqual([]);
  });
});
