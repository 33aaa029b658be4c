/**
 * @module The attachment field: photos of the fault, invoices, logs — a list of references
 * `{ hash, name, size, contentType }` to files uploaded beforehand (stored by SHA-256). `maxFiles`
 * (default 10), `accept` (media types, `image/*` allowed) and `maxSize` (bytes) bound it.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { dataFieldProperties } from './common-field-schemas';
import { acceptPattern, fileRefData, fileRefPart } from './data-fragments';
import type { FieldTypeSpec } from './field-type';

export const DEFAULT_MAX_FILES = 10;

export const attachmentFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...dataFieldProperties,
    type: { const: 'attachment' },
    maxFiles: { type: 'integer', minimum: 1, maximum: 50 },
    accept: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]+/(?:[A-Za-z0-9.+-]+|\\*)$' },
    },
    maxSize: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
} as const;

export type AttachmentField = FromSchema<typeof attachmentFieldSchema>;

export const attachmentFieldType: FieldTypeSpec<AttachmentField> = {
  type: 'attachment',
  schema: attachmentFieldSchema,
  numeric: false,
  indexable: false,
  dataSchema: (field) => ({
    type: 'array',
    maxItems: field.maxFiles ?? DEFAULT_MAX_FILES,
    items: fileRefData(
      { type: 'string', pattern: field.accept ? acceptPattern(field.accept) : '^[a-z]+/[A-Za-z0-9.+-]+$' },
      field.maxSize,
    ),
  }),
  info: () => ({ multiple: true }),
  refineError: (error, field, inner) => {
    // Problems with the list itself (not a list, too many files) keep their generic codes.
    if (inner === '') return undefined;
    const part = fileRefPart(inner);
    if (part === 'size' && error.keyword === 'maximum')
      return { code: 'file-too-large', params: { limit: field.maxSize } };
    if (part === 'contentType' && field.accept)
      return { code: 'file-type-not-accepted', params: { accept: field.accept } };
    return { code: 'invalid-file', params: {} };
  },
};
