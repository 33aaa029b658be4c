/**
 * @module Builders of the data-schema fragments several field types share: bounded strings, numbers
 * with bounds, option enums and file references. They only copy the bounds an author set, so the
 * published schema says exactly what the form says.
 */
import type { DataSchema } from './field-type';

interface StringBounds {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface NumberBounds {
  minimum?: number;
  maximum?: number;
}

/** Drops undefined members so the schema is plain JSON. */
export function compact(schema: Record<string, unknown>): DataSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined));
}

/** A string with the author's bounds; `cap` is the length limit when the author set none. */
export function stringData(field: StringBounds, cap: number): DataSchema {
  return compact({
    type: 'string',
    minLength: field.minLength,
    maxLength: field.maxLength ?? cap,
    pattern: field.pattern,
  });
}

export function numberData(type: 'number' | 'integer', field: NumberBounds): DataSchema {
  return compact({ type, minimum: field.minimum, maximum: field.maximum });
}

/** The value of one option among `options`. */
export function optionData(options: readonly { value: string }[]): DataSchema {
  return { type: 'string', enum: options.map((o) => o.value) };
}

/** SHA-256 in hex: attachments are stored and addressed by content hash. */
export const FILE_HASH_PATTERN = '^[0-9a-f]{64}$';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regex accepting the media types in `accept` (`image/*` matches any image type). */
export function acceptPattern(accept: readonly string[]): string {
  const alternatives = accept.map((type) =>
    type.endsWith('/*') ? escapeRegex(type.slice(0, -1)) + '[A-Za-z0-9.+-]+' : escapeRegex(type),
  );
  return `^(?:${alternatives.join('|')})$`;
}

/** A reference to an uploaded file. */
export function fileRefData(contentType: DataSchema, maxSize: number | undefined): DataSchema {
  return {
    type: 'object',
    required: ['hash', 'name', 'size', 'contentType'],
    properties: {
      hash: { type: 'string', pattern: FILE_HASH_PATTERN },
      name: { type: 'string', minLength: 1, maxLength: 255 },
      size: compact({ type: 'integer', minimum: 0, maximum: maxSize }),
      contentType,
    },
    additionalProperties: false,
  };
}

/** Which part of a file reference an error inside a value is about (`/0/size` → `size`). */
export function fileRefPart(inner: string): string | undefined {
  return /\/(hash|name|size|contentType)$/.exec(inner)?.[1];
}
