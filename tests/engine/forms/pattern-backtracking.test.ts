/**
 * A submitted value cannot make a stored pattern run long: polynomial shapes are refused when the
 * form is saved, fields with a pattern cannot allow long values, and the data validator never runs a
 * pattern over a long text — a 100 KB string against every field pattern of the bundled templates
 * gets its verdict at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, validateDefinition, type AppBundle, type FormDefinition } from '../../../engine';
import { patternProblem } from '../../../engine/forms/pattern-safety';

const TEMPLATES = join(import.meta.dirname, '..', '..', '..', 'templates');
const HUGE = 'A'.repeat(100_000);

const templateForms: [string, FormDefinition][] = readdirSync(TEMPLATES)
  .filter((name) => name.endsWith('.app.json'))
  .flatMap((name) => {
    const bundle = JSON.parse(readFileSync(join(TEMPLATES, name), 'utf8')) as AppBundle;
    return (bundle.forms ?? []).map(
      (form) => [`${name} › ${form.key}`, form as FormDefinition] as [string, FormDefinition],
    );
  });

/** Every string in a data schema that carries a pattern, as the data path that reaches it. */
function patternPaths(schema: any, path: (string | number)[] = []): (string | number)[][] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: (string | number)[][] = typeof schema.pattern === 'string' ? [path] : [];
  for (const [key, child] of Object.entries<any>(schema.properties ?? {}))
    found.push(...patternPaths(child, [...path, key]));
  if (schema.items) found.push(...patternPaths(schema.items, [...path, 0]));
  return found;
}

/** `{}` with `value` at `path`, arrays where the path has an index. */
function dataWith(path: (string | number)[], value: unknown): Record<string, unknown> {
  const root: any = {};
  let node = root;
  path.forEach((token, i) => {
    const next = path[i + 1];
    if (next === undefined) node[token] = value;
    else node = node[token] = typeof next === 'number' ? [] : {};
  });
  return root;
}

describe('polynomial backtracking', () => {
  it.each([
    '\\d*\\d*x',
    '^\\d+\\d+$',
    '^.*.*=.*$',
    '(a*)(a*)b',
    '[a-z]*[a-c]*!',
    '\\d{1,64}\\d{1,64}x',
    '\\d*(?:a|\\d*)x',
    '\\d*(\\d{2})*x',
    '\\s*\\S*\\s*x',
  ])('refuses %s: two repeats in a row that can match the same text', (pattern) =>
    expect(patternProblem(pattern)?.kind).toBe('unsafe'),
  );

  it.each([
    '^\\d+(\\.\\d{1,2})?$',
    '^[a-z]+-\\d+$',
    '^[\\w.+-]+@[\\w-]+\\.[a-z]{2,}$',
    '^(?:\\d{3}-)?\\d{7,8}$',
    '\\d+x',
    '^\\p{Script=Han}{2,10}$',
  ])('accepts %s: its repeats are separated by what they cannot match', (pattern) =>
    expect(patternProblem(pattern)).toBeNull(),
  );

  it('refuses a pattern with more disjoint repeats than saving a form may spend checking', () => {
    let pattern = '';
    for (let cp = 0x4e00; pattern.length < 480; cp++)
      pattern += `[${String.fromCodePoint(cp)}]*${cp % 8 === 7 ? 'Z' : ''}`;
    expect(patternProblem(pattern)).toMatchObject({
      kind: 'unsafe',
      reason: expect.stringContaining('comparisons'),
    });
  });

  it('accepts every pattern the bundled templates use', () => {
    const patterns = templateForms.flatMap(
      ([, form]) => JSON.stringify(form).match(/"pattern":"(?:[^"\\]|\\.)*"/g) ?? [],
    );
    expect(patterns.length).toBeGreaterThan(0);
    for (const match of patterns) expect(patternProblem(JSON.parse(`{${match}}`).pattern)).toBeNull();
  });
});

describe('a long submitted value against a stored pattern', () => {
  const cases = templateForms.flatMap(([name, form]) =>
    patternPaths(compileForm(form).schema).map(
      (path) => [`${name} › /${path.join('/')}`, form, path] as const,
    ),
  );

  it('finds field patterns in the templates (built-in phone and file-type ones included)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('refuses 100 KB at %s', (_name, form, path) => {
    const result = compileForm(form).validate(dataWith(path, HUGE));
    expect(result.ok).toBe(false);
    // The verdict names the field, or the file of an attachment field, the long text was put in.
    const at = `/${path.join('/')}`;
    const named = result.issues.filter((i) => i.path !== '' && `${at}/`.startsWith(`${i.path}/`));
    expect(named.map((i) => i.path)).not.toEqual([]);
  });

  const quadratic = {
    key: 'codes',
    fields: [{ key: 'code', type: 'text', maxLength: 1000, pattern: '\\d+x' }],
  } as FormDefinition;

  it('runs a pattern only over texts a field may hold, so a quadratic one stays fast', () => {
    expect(validateDefinition('form', quadratic)).toEqual([]);
    const long = compileForm(quadratic).validate({ code: '1'.repeat(100_000) });
    expect(long.issues.map((i) => `${i.code} ${i.path}`)).toContain('too-long /code');
    expect(compileForm(quadratic).validate({ code: `${'1'.repeat(999)}x` }).ok).toBe(true);
    expect(
      compileForm(quadratic)
        .validate({ code: '1'.repeat(999) })
        .issues.map((i) => i.code),
    ).toEqual(['pattern-mismatch']);
  });

  it('refuses a field with a pattern that allows more characters than a pattern is run over', () => {
    const lax = structuredClone(quadratic) as any;
    lax.fields[0].maxLength = 5000;
    expect(validateDefinition('form', lax).map((i) => `${i.code} ${i.path}`)).toEqual([
      'pattern-subject-too-long /fields/0/maxLength',
    ]);
  });
});
