/**
 * @module The user field: a member of the team (a user id), e.g. the product line's R&D owner or the
 * engineer who went on site. Rules assign to it and notify it (`assign to: { field }`); `role`
 * optionally limits the people the designer offers, and the runtime checks membership.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { definitionKeySchema } from '../../definitions/common-schemas';
import { dataFieldProperties } from './common-field-schemas';
import type { FieldTypeSpec } from './field-type';

export const userFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...dataFieldProperties,
    type: { const: 'user' },
    /** Only members of this role may be picked. */
    role: definitionKeySchema,
  },
  additionalProperties: false,
} as const;

export type UserField = FromSchema<typeof userFieldSchema>;

export const userFieldType: FieldTypeSpec<UserField> = {
  type: 'user',
  schema: userFieldSchema,
  numeric: false,
  indexable: true,
  dataSchema: () => ({ type: 'string', minLength: 1, maxLength: 64 }),
};
