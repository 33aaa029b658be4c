/**
 * @module The section: a layout container (a titled block of the form, foldable in the designer). Its
 * fields' data sits in the same object as the section's siblings, so a section adds no data key and
 * shares its parent's key scope.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { FieldDefinition } from '../form-definition.schema';
import { baseFieldProperties } from './common-field-schemas';

export const sectionOwnProperties = {
  ...baseFieldProperties,
  type: { const: 'section' },
  /** Shown collapsed at first in the designer and the fill page. */
  collapsed: { type: 'boolean' },
} as const;

/** The section's meta-schema branch, whose children are validated by `fieldsSchema`. */
export function sectionFieldSchema(fieldsSchema: object) {
  return {
    type: 'object',
    required: ['key', 'type', 'fields'],
    properties: { ...sectionOwnProperties, fields: fieldsSchema },
    additionalProperties: false,
  } as const;
}

/** The section without its children, as json-schema-to-ts derives it (checked against {@link SectionField}). */
export type SectionFieldShape = FromSchema<{
  type: 'object';
  required: ['key', 'type'];
  properties: typeof sectionOwnProperties;
  additionalProperties: false;
}>;

/** Hand-written because the children make the type recursive. */
export interface SectionField extends SectionFieldShape {
  type: 'section';
  fields: FieldDefinition[];
}
