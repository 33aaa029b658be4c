/** @module Data-driven cases of form validation: every file under tests/fixtures/forms/data-cases. */
import { describe, expect, it } from 'vitest';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';
import { compileForm } from '../../../engine/forms/index';
import type { Locale } from '../../../engine/issues/locale';
import { caseForm, issueKeys } from './form-cases';

interface DataCase extends FixtureCase {
  form: unknown;
  data?: unknown;
  /** Raw JSON of the data, for inputs a fixture file cannot hold as parsed data (`__proto__` keys). */
  json?: string;
  locale?: Locale;
  ok: boolean;
  issues?: { code: string; path: string; message?: string }[];
  value?: Record<string, unknown>;
}

const cases = loadFixtures<DataCase>('forms/data-cases');

describe('form data fixtures', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(40));

  it.each(cases.map((c) => [`${c.file} › ${c.name}`, c] as const))('%s', (_name, c) => {
    const data = c.json === undefined ? c.data : JSON.parse(c.json);
    const result = compileForm(caseForm(c.form)).validate(data, { locale: c.locale ?? 'en' });
    if (c.issues) expect(issueKeys(result.issues)).toEqual(issueKeys(c.issues));
    for (const expected of c.issues ?? []) {
      if (expected.message === undefined) continue;
      const actual = result.issues.find((i) => i.code === expected.code && i.path === expected.path);
      expect(actual?.message).toBe(expected.message);
    }
    expect(result.ok).toBe(c.ok);
    if (c.value) expect(result.value).toEqual(c.value);
    for (const issue of result.issues) expect(issue.message).not.toMatch(/\{\w+\}/);
    // Nothing a submission holds may reach a prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
