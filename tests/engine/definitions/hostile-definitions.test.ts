/**
 * Authored definitions cannot smuggle in code or hang the server: every place a definition carries a
 * schema fragment, a pattern or an expression refuses `$data`, remote `$ref`, unknown keywords,
 * catastrophic patterns, operations outside the whitelist and nesting past the limit.
 */
import { describe, expect, it } from 'vitest';
import { bundleContext, validateDefinition } from '../../../engine';
import { baseDefinition, hostileCases, hostileDocument, tourBundle } from '../../helpers/hostile-definitions';

const context = bundleContext(tourBundle);

describe('hostile definitions', () => {
  it.each(['form', 'flow', 'rule', 'report', 'dashboard', 'calendar'] as const)(
    'accepts the untouched %s the cases start from',
    (kind) => expect(validateDefinition(kind, baseDefinition(kind), { context })).toEqual([]),
  );

  it.each(hostileCases.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    const issues = validateDefinition(c.kind, hostileDocument(c), { context, locale: 'zh-CN' });
    expect(issues.map(({ code, path }) => ({ code, path }))).toContainEqual(c.issue);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('refuses the same hostile parts inside an app bundle', () => {
    const bundle = structuredClone(tourBundle);
    bundle.forms![0] = hostileDocument(hostileCases[0]!) as never;
    bundle.flows![0] = hostileDocument(hostileCases.find((c) => c.kind === 'flow')!) as never;
    const paths = validateDefinition('app', bundle).map((i) => `${i.code} ${i.path}`);
    expect(paths).toContain('unsafe-pattern /forms/0/fields/14/pattern');
    expect(paths).toContain('unknown-operation /flows/0/guards/hasCategory/and/1/method');
  });
});
