/**
 * @module Uploaded files in the `attachments` table, addressed by the SHA-256 of their bytes: the same
 * file uploaded twice (by two customers, or one retrying) is stored once. Storing checks the declared
 * type against the allow-list (415) and the bytes against the type (422), and records an
 * `attachment.stored` event with the row. What it returns is the file reference an attachment field
 * stores as its value.
 */
import { createHash } from 'node:crypto';
import { listFormFields } from '../../engine';
import { appendEvent } from '../events/append-event';
import { notFound, UserError } from '../http/errors';
import { loadPublishedForm } from '../records/published-form';
import type { RuntimeContext } from '../runtime-context';
import { contentMatches, isAllowedType, safeFileName, type FileRef } from './attachment-types';

export interface UploadInput {
  content: Buffer;
  /** The media type the client declared (already reduced by `mediaTypeOf`). */
  contentType: string;
  name: string | undefined;
  /** The signed-in uploader, or null for a customer filling a public form. */
  actor: string | null;
  /** The public form the file is for, when the uploader is anonymous. */
  form?: string;
}

export interface StoredAttachment extends FileRef {
  content: Buffer;
  createdAt: number;
}

const HASH = /^[0-9a-f]{64}$/;

/** 415 for a media type off the allow-list (checked before the body is read). */
export function checkContentType(contentType: string): void {
  if (!isAllowedType(contentType)) {
    throw new UserError(
      415,
      'unsupported-media-type',
      `Files of type "${contentType || 'unknown'}" are not accepted; send images, PDF, office documents, text or ZIP`,
    );
  }
}

/** The upload is of an allowed type, not empty (400), and its bytes are of that type (422). */
export function checkUpload(contentType: string, content: Buffer): void {
  checkContentType(contentType);
  if (content.length === 0)
    throw new UserError(400, 'empty-file', 'The request body is empty; send the file as the body');
  if (!contentMatches(contentType, content)) {
    throw new UserError(422, 'content-mismatch', `The file's content is not of the type "${contentType}"`, [
      {
        code: 'content-mismatch',
        path: '',
        params: { contentType },
        message: `The file's content is not of the type "${contentType}"`,
      },
    ]);
  }
}

/** Stores the upload (once per content) and returns its file reference. */
export async function storeAttachment(runtime: RuntimeContext, input: UploadInput): Promise<FileRef> {
  checkUpload(input.contentType, input.content);
  const hash = createHash('sha256').update(input.content).digest('hex');
  const ref: FileRef = {
    hash,
    name: safeFileName(input.name),
    size: input.content.length,
    contentType: input.contentType,
  };
  const at = runtime.clock.now().getTime();
  await runtime.db.knex.transaction(async (trx) => {
    const existing = await trx('attachments').where({ hash }).first('hash');
    if (existing) return;
    await trx('attachments')
      .insert({
        hash,
        name: ref.name,
        content_type: ref.contentType,
        size: ref.size,
        content: input.content,
        created_at: at,
      })
      // Two uploads of the same new file at once: the second finds the first's row.
      .onConflict('hash')
      .ignore();
    await appendEvent(trx, {
      stream: 'system',
      streamId: `attachment:${hash}`,
      type: 'attachment.stored',
      actor: input.actor,
      at,
      payload: { ...ref, ...(input.form ? { form: input.form } : {}) },
    });
  });
  return ref;
}

/** The stored file `hash` (404 when unknown or not a hash). */
export async function readAttachment(runtime: RuntimeContext, hash: string): Promise<StoredAttachment> {
  const row = HASH.test(hash)
    ? ((await runtime.db.knex('attachments').where({ hash }).first()) as
        | {
            hash: string;
            name: string;
            content_type: string;
            size: number;
            content: Buffer;
            created_at: number;
          }
        | undefined)
    : undefined;
  if (!row) throw notFound(`Attachment "${hash}"`);
  return {
    hash: row.hash,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size),
    content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content),
    createdAt: Number(row.created_at),
  };
}

/**
 * An anonymous upload must name the public form it is for: a published form (404 otherwise) with an
 * attachment or signature field (403 otherwise), so the endpoint is not free file hosting.
 */
export async function requirePublicFileForm(
  runtime: RuntimeContext,
  formKey: string | undefined,
): Promise<void> {
  if (formKey === undefined || formKey === '') {
    throw new UserError(
      401,
      'unauthenticated',
      'Sign in to upload, or name the public form the file is for with `?form=<key>`',
    );
  }
  const form = await loadPublishedForm(runtime, formKey);
  const takesFiles = listFormFields(form.definition).some(
    (field) => field.type === 'attachment' || field.type === 'signature',
  );
  if (!takesFiles)
    throw new UserError(403, 'forbidden', `The form "${formKey}" has no field that takes files`);
}
