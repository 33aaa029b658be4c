/**
 * @module Property: whatever `validate` accepts is stored as is — its value is plain JSON (unchanged by
 * a JSON round trip) and validating it again accepts it unchanged, for generated forms and data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, type FieldDefinition, type FormDefinition } from '../../../engine/forms/index';

const keys = ['a', 'b', 'c', 'd', 'e'] as const;

/** A leaf field of one of a handful of types; conditions refer to the sibling `a`. */
const leafField = (key: string): fc.Arbitrary<FieldDefinition> => {
  const condition = fc.option(
    fc.constantFrom<unknown>(
      { '==': [{ var: 'a' }, 'x'] },
      { '!': [{ var: 'a' }] },
      { '>': [{ var: 'a' }, 2] },
    ),
    { nil: undefined },
  );
  const common = fc.record(
    { required: fc.boolean(), visibleWhen: condition, requiredWhen: condition },
    { requiredKeys: [] },
  );
  const typed = fc.oneof(
    fc.record({ type: fc.constant('text' as const), maxLength: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ type: fc.constant('integer' as const), minimum: fc.constant(0), maximum: fc.constant(9) }),
    fc.record({ type: fc.constant('money' as const) }),
    fc.record({ type: fc.constant('checkbox' as const), default: fc.boolean() }),
    fc.record({ type: fc.constant('rating' as const) }),
    fc.record({
      type: fc.constant('select' as const),
      options: fc.constant([{ value: 'x' }, { value: 'y' }]),
      multiple: fc.boolean(),
    }),
    fc.record({ type: fc.constant('number' as const), computed: fc.constant({ '+': [{ var: 'a' }, 1] }) }),
  );
  return fc.tuple(common, typed).map(([c, t]) => ({ key, ...c, ...t }) as FieldDefinition);
};

const formArbitrary: fc.Arbitrary<FormDefinition> = fc
  .tuple(
    fc.oneof(
      fc.constant<FieldDefinition>({ key: 'a', type: 'text' }),
      fc.constant<FieldDefinition>({ key: 'a', type: 'integer' }),
    ),
    leafField('b'),
    leafField('c'),
    fc
      .tuple(leafField('x'), leafField('y'))
      .map(([x, y]): FieldDefinition => ({ key: 'd', type: 'group', maxItems: 3, fields: [x, y] })),
    fc.boolean(),
  )
  .map(([a, b, c, d, sectioned]) => ({
    key: 'generated',
    fields: sectioned ? [a, { key: 's', type: 'section', fields: [b, c] }, d] : [a, b, c, d],
  }));

/** Values that are often right for these field types, sometimes not. */
const valueArbitrary = fc.oneof(
  fc.constantFrom(
    'x',
    'y',
    '',
    'hello',
    'toolongvalue',
    true,
    false,
    null,
    0,
    1,
    2.5,
    3,
    9,
    12,
    1.005,
    ['x'],
    ['x', 'y'],
    ['z'],
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const rowArbitrary = fc.dictionary(fc.constantFrom('x', 'y', 'z', '__proto__'), valueArbitrary, {
  maxKeys: 3,
});

const dataArbitrary = fc.dictionary(
  fc.constantFrom(...keys, 'constructor'),
  fc.oneof(
    { weight: 4, arbitrary: valueArbitrary },
    { weight: 1, arbitrary: fc.array(rowArbitrary, { maxLength: 3 }) },
  ),
  { maxKeys: 5 },
);

describe('validate', () => {
  it('accepts its own output unchanged, and the output is plain JSON', () => {
    let accepted = 0;
    fc.assert(
      fc.property(formArbitrary, dataArbitrary, (form, data) => {
        const compiled = compileForm(form);
        const first = compiled.validate(data);
        if (!first.ok) return;
        accepted += 1;
        expect(JSON.parse(JSON.stringify(first.value))).toStrictEqual(first.value);
        const again = compiled.validate(first.value);
        expect(again.issues).toEqual([]);
        expect(again.value).toStrictEqual(first.value);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
