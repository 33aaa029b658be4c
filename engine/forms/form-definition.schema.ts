/**
 * @module The meta-schema of a form definition — the document the drag-and-drop designer writes — and
 * its TypeScript types. Fields form a tree: sections (layout) and groups (repeating rows) hold fields
 * of their own. JSON Schema cannot bound the depth of a recursive `$ref`, so the field lists are
 * unrolled one `$defs` entry per level; at the deepest level only leaf fields are allowed.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { definitionHeaderProperties } from '../definitions/common-schemas';
import type { LeafField } from './fields/field-types';
import { leafFieldTypes } from './fields/field-types';
import { groupFieldSchema, type GroupField } from './fields/group-field';
import { sectionFieldSchema, type SectionField } from './fields/section-field';

/** Sections and groups nest at most this deep (e.g. section › group › section). */
export const MAX_CONTAINER_DEPTH = 3;

/** Fields in one list: a form is filled by people, not generated. */
export const MAX_FIELDS_PER_LIST = 200;

function fieldListSchema(level: number): object {
  const branches: object[] = Object.keys(leafFieldTypes).map((type) => ({ $ref: `#/$defs/${type}` }));
  if (level < MAX_CONTAINER_DEPTH)
    branches.push({ $ref: `#/$defs/section${level}` }, { $ref: `#/$defs/group${level}` });
  return {
    type: 'array',
    maxItems: MAX_FIELDS_PER_LIST,
    items: { type: 'object', oneOf: branches, discriminator: { propertyName: 'type' } },
  };
}

function buildDefs(): Record<string, object> {
  const defs: Record<string, object> = {};
  for (const [type, spec] of Object.entries(leafFieldTypes)) defs[type] = spec.schema;
  for (let level = 0; level <= MAX_CONTAINER_DEPTH; level++) {
    defs[`fields${level}`] = fieldListSchema(level);
    if (level < MAX_CONTAINER_DEPTH) {
      const children = { type: 'array', $ref: `#/$defs/fields${level + 1}`, minItems: 1 };
      defs[`section${level}`] = sectionFieldSchema(children);
      defs[`group${level}`] = groupFieldSchema(children);
    }
  }
  return defs;
}

/** The form document without its fields, as json-schema-to-ts types it. */
export const formHeaderSchema = {
  type: 'object',
  required: ['key'],
  properties: definitionHeaderProperties,
  additionalProperties: false,
} as const;

export const formDefinitionSchema = {
  type: 'object',
  required: ['key', 'fields'],
  properties: {
    ...definitionHeaderProperties,
    fields: { type: 'array', $ref: '#/$defs/fields0', minItems: 1 },
  },
  additionalProperties: false,
  $defs: buildDefs(),
} as const;

/** Any field of a form: a leaf field, a section or a repeating group. */
export type FieldDefinition = LeafField | SectionField | GroupField;

export type FormHeader = FromSchema<typeof formHeaderSchema>;

/** A form definition (hand-written: the field tree is recursive; the header is checked below). */
export interface FormDefinition extends FormHeader {
  fields: FieldDefinition[];
}

export type { LeafField, SectionField, GroupField };
