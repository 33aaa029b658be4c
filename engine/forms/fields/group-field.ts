/**
 * @module The repeating group (sub-table): replaced parts, visit log lines. Its value is an array of
 * row objects with the group's own fields, so a group opens a new key scope; expressions inside a row
 * see the row's fields over the top-level ones.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { FieldDefinition } from '../form-definition.schema';
import { localizedTextSchema, logicSchema } from '../../definitions/common-schemas';
import { baseFieldProperties } from './common-field-schemas';

/** Rows a group may hold when the author sets no maxItems: a sub-table, not a bulk import. */
export const GROUP_DEFAULT_MAX_ITEMS = 200;

export const groupOwnProperties = {
  ...baseFieldProperties,
  type: { const: 'group' },
  required: { type: 'boolean' },
  requiredWhen: logicSchema,
  readOnly: { type: 'boolean' },
  minItems: { type: 'integer', minimum: 0, maximum: 1000 },
  maxItems: { type: 'integer', minimum: 1, maximum: 1000 },
  /** Label of the "add a row" button. */
  addLabel: localizedTextSchema,
} as const;

export function groupFieldSchema(fieldsSchema: object) {
  return {
    type: 'object',
    required: ['key', 'type', 'fields'],
    properties: { ...groupOwnProperties, fields: fieldsSchema },
    additionalProperties: false,
  } as const;
}

export type GroupFieldShape = FromSchema<{
  type: 'object';
  required: ['key', 'type'];
  properties: typeof groupOwnProperties;
  additionalProperties: false;
}>;

/** Hand-written because the children make the type recursive. */
export interface GroupField extends GroupFieldShape {
  type: 'group';
  fields: FieldDefinition[];
}
