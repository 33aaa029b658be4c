/**
 * @module Compile-time checks that the hand-written definition types agree with the meta-schema: a
 * designer document type-checks as a FormDefinition, and misspelt types or properties do not.
 */
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FormDefinition } from '../../../engine/forms/index';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { formDefinitionSchema } from '../../../engine/forms/index';

const form = {
  key: 'repair',
  version: 1,
  title: { en: 'Repair' },
  fields: [
    { key: 'basics', type: 'section', fields: [{ key: 'rating', type: 'rating', default: 5 }] },
    {
      key: 'parts',
      type: 'group',
      minItems: 1,
      fields: [{ key: 'qty', type: 'integer', required: true, minimum: 1 }],
    },
    { key: 'total', type: 'money', currency: 'CNY', computed: { '+': [1, 2] } },
  ],
} satisfies FormDefinition;

// @ts-expect-error a field type the schema does not know
const badType: FieldDefinition = { key: 'x', type: 'colour' };
// @ts-expect-error a property the text branch does not have
const badProperty: FieldDefinition = { key: 'x', type: 'text', options: [] };
// @ts-expect-error a group's children are required
const noChildren: FieldDefinition = { key: 'g', type: 'group' };

describe('FormDefinition type', () => {
  it('accepts exactly what the meta-schema accepts for these documents', () => {
    expect(schemaIssues(formDefinitionSchema, form)).toEqual([]);
    for (const bad of [badType, badProperty, noChildren]) {
      expect(schemaIssues(formDefinitionSchema, { key: 'f', fields: [bad] }).length).toBeGreaterThan(0);
    }
  });
});
