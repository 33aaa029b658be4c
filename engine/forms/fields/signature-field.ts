/**
 * @module The signature field: the customer's sign-off on a repair, one file reference to a PNG or SVG
 * image drawn on the signing pad.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { dataFieldProperties } from './common-field-schemas';
import { fileRefData, fileRefPart } from './data-fragments';
import type { FieldTypeSpec } from './field-type';

export const SIGNATURE_TYPES = ['image/png', 'image/svg+xml'] as const;

/** A drawn signature is small; anything larger is not a signature. */
export const SIGNATURE_MAX_SIZE = 1024 * 1024;

export const signatureFieldSchema = {
  type: 'object',
  required: ['key', 'type'],
  properties: {
    ...dataFieldProperties,
    type: { const: 'signature' },
  },
  additionalProperties: false,
} as const;

export type SignatureField = FromSchema<typeof signatureFieldSchema>;

export const signatureFieldType: FieldTypeSpec<SignatureField> = {
  type: 'signature',
  schema: signatureFieldSchema,
  numeric: false,
  indexable: false,
  dataSchema: () => fileRefData({ type: 'string', enum: [...SIGNATURE_TYPES] }, SIGNATURE_MAX_SIZE),
  refineError: (error, _field, inner) => {
    const part = fileRefPart(inner);
    if (part === 'size' && error.keyword === 'maximum')
      return { code: 'file-too-large', params: { limit: SIGNATURE_MAX_SIZE } };
    if (part === 'contentType')
      return { code: 'file-type-not-accepted', params: { accept: [...SIGNATURE_TYPES] } };
    return { code: 'invalid-file', params: {} };
  },
  isFilled: (value) => typeof value === 'object' && value !== null,
};
