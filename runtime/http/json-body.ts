/**
 * @module Reads a request's JSON body into `ctx.request.body`, strictly: the bytes must be UTF-8 (a
 * body with invalid bytes is refused with 400 instead of having them silently replaced by U+FFFD and
 * stored), and must parse as a JSON object or array (400 naming what is wrong); the body may not
 * exceed the limit (413), counted after gzip / deflate / br decompression, so a small compressed body
 * cannot unpack into a huge one. Bodies of other types (file uploads) are left unread for their
 * routes, with `{}` as the parsed body, as Koa's body parser gave.
 */
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Context, Next } from 'koa';
import getRawBody from 'raw-body';
import { UserError } from './errors';

declare module 'koa' {
  interface Request {
    /** The parsed JSON body (`{}` when the request has none); set by `jsonBody`. */
    body?: unknown;
  }
}

const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPES = ['application/json', '+json'];

/** The request stream, decompressed as its Content-Encoding says (415 for an encoding not known). */
function decodedStream(ctx: Context): { stream: Readable; compressed: boolean } {
  const encoding = (ctx.get('Content-Encoding') || 'identity').toLowerCase();
  const decompress = {
    gzip: createGunzip,
    'x-gzip': createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  }[encoding];
  if (encoding === 'identity') return { stream: ctx.req, compressed: false };
  if (!decompress)
    throw new UserError(
      415,
      'unsupported-encoding',
      `Request bodies encoded as "${encoding}" are not accepted`,
    );
  return { stream: ctx.req.pipe(decompress()), compressed: true };
}

async function readBytes(ctx: Context, limit: string): Promise<Buffer> {
  const { stream, compressed } = decodedStream(ctx);
  const length = ctx.get('Content-Length');
  try {
    return await getRawBody(stream, { limit, ...(length && !compressed ? { length } : {}) });
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') throw new UserError(413, 'too-large', 'The request body is too large');
    if (type === 'request.size.invalid')
      throw new UserError(
        400,
        'bad-request',
        'The request body is shorter or longer than its Content-Length',
      );
    if (compressed) throw new UserError(400, 'bad-request', 'The request body could not be decompressed');
    throw err;
  }
}

export function jsonBody(limit: string) {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!PARSED_METHODS.has(ctx.method)) return next();
    if (!ctx.request.is(JSON_TYPES)) {
      ctx.request.body = {};
      return next();
    }
    const bytes = await readBytes(ctx, limit);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new UserError(400, 'bad-request', 'The request body is not valid UTF-8');
    }
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (err) {
      throw new UserError(
        400,
        'bad-request',
        `The request body is not valid JSON: ${(err as Error).message}`,
      );
    }
    if (typeof body !== 'object' || body === null)
      throw new UserError(400, 'bad-request', 'The request body must be a JSON object or array');
    ctx.request.body = body;
    return next();
  };
}
