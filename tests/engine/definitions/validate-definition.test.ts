/**
 * validateDefinition: one entry point for every kind; structural issues first, then references —
 * inside an app bundle between its parts, and for a single definition through a context.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleContext, validateDefinition, type AppBundle } from '../../../engine';
import { editDocument, type DocumentEdits } from '../../helpers/edit-document';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as AppBundle;

interface BundleCase extends FixtureCase, DocumentEdits {
  base: string;
  issues: { code: string; path: string }[];
}

describe('validateDefinition on app bundles', () => {
  it.each(loadFixtures<BundleCase>('definitions'))('$name', (c) => {
    const bundle = editDocument(readJson(c.base), c);
    const found = validateDefinition('app', bundle).map(({ code, path }) => ({ code, path }));
    expect(found).toEqual(c.issues);
  });
});

describe('validateDefinition on single definitions', () => {
  const bundle = readJson('examples/engine-tour/after-sales.app.json');
  const [ticket] = bundle.forms ?? [];
  const [flow] = bundle.flows ?? [];

  it('accepts each part of a valid bundle on its own', () => {
    expect(validateDefinition('form', ticket)).toEqual([]);
    expect(validateDefinition('flow', flow)).toEqual([]);
    expect(validateDefinition('rule', bundle.rules?.[0])).toEqual([]);
    expect(validateDefinition('report', bundle.reports?.[0])).toEqual([]);
  });

  it('checks references to other definitions only when given a context', () => {
    const lonely = { ...flow, form: 'repair-order' };
    expect(validateDefinition('flow', lonely)).toEqual([]);
    const issues = validateDefinition('flow', lonely, { context: bundleContext(bundle) });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toContain('unknown-form /form');
  });

  it('reports shape problems before reference problems, with paths into the document', () => {
    const issues = validateDefinition('form', {
      key: 'Ticket',
      fields: [{ key: 'a', type: 'text', colour: 'red' }],
    });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'pattern-mismatch /key',
      'unknown-key /fields/0/colour',
    ]);
  });

  it('names an unknown kind instead of throwing', () => {
    expect(validateDefinition('widget' as never, {})).toEqual([
      {
        code: 'unknown-kind',
        path: '',
        params: { kind: 'widget' },
        message: 'Unknown definition kind "widget"',
      },
    ]);
  });

  it('does not treat inherited names as kinds', () => {
    expect(validateDefinition('constructor' as never, {}).map((i) => i.code)).toEqual(['unknown-kind']);
  });

  it('speaks zh-CN when asked', () => {
    const bad = editDocument(bundle, {
      set: { '/rules/0/aggregates/monthlyScreenFailures/form': 'complaints' },
    });
    const [issue] = validateDefinition('app', bad, { locale: 'zh-CN' });
    expect(issue?.message).toMatch(/complaints/);
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
