/** @module Attachments (`runtime/http/attachment-routes.ts`): upload a file, read it back by its hash. */
import { ALLOWED_TYPES } from '../../../attachments/attachment-types';
import { LOCATION_HEADER, operation, pathParam, queryParam, type PathItems } from '../openapi-parts';

const tag = 'records';

/** The value an attachment field stores per file (`engine/forms/fields/data-fragments.ts` `fileRefData`). */
const fileRef = {
  type: 'object',
  required: ['hash', 'name', 'size', 'contentType'],
  properties: {
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content' },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    size: { type: 'integer', minimum: 0, description: 'Bytes' },
    contentType: { type: 'string' },
  },
  additionalProperties: false,
};

const file = { type: 'string', description: 'The file itself as the body' };

export function attachmentPaths(): PathItems {
  return {
    '/api/attachments': {
      post: operation('post', 'uploadAttachment', {
        tag,
        summary: 'Upload a file for an attachment or signature field; the answer is the value to submit',
        description:
          'The file is the raw body with its `Content-Type`: images, PDF, office documents, plain text, CSV ' +
          'or ZIP (415 for others, 422 when the bytes are not of the declared type, 413 past the size ' +
          'limit). The same content is stored once. Anonymous callers name the published form the file ' +
          'is for with `form` and are rate-limited per IP (429).',
        access: 'optional',
        parameters: [
          queryParam('name', 'The file name to keep with the reference'),
          queryParam('form', 'The public form the file is for (required when not signed in)'),
        ],
        body: {
          schema: file,
          content: Object.fromEntries(
            Object.keys(ALLOWED_TYPES).map((type) => [type, { ...file, contentMediaType: type }]),
          ),
        },
        ok: {
          status: 201,
          description: 'The stored file’s reference',
          schema: fileRef,
          headers: LOCATION_HEADER,
        },
        errors: [404, 415, 422, 429],
      }),
    },
    '/api/attachments/{hash}': {
      get: operation('get', 'getAttachment', {
        tag,
        summary: 'An uploaded file with its content type and name (signed-in users; `records:read`)',
        access: 'signed-in',
        parameters: [
          pathParam('hash', 'SHA-256 of the content', { type: 'string', pattern: '^[0-9a-f]{64}$' }),
          queryParam('name', 'File name for `Content-Disposition` (default: the name first uploaded)'),
          queryParam('download', '`1`: `Content-Disposition: attachment` even for images and PDF'),
        ],
        ok: {
          status: 200,
          description: 'The file',
          schema: { type: 'string', contentEncoding: 'binary' },
          contentType: '*/*',
          headers: {
            'Content-Disposition': {
              description: '`inline` or `attachment` with the file name',
              schema: { type: 'string' },
            },
          },
        },
        errors: [404],
      }),
    },
  };
}
