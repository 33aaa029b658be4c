/**
 * @module Reads an upload sent as the raw request body (the JSON body parser leaves other content
 * types alone), refusing with 413 past the limit — before reading when `Content-Length` already says
 * so, else as soon as the bytes read pass it, so an endless body costs at most the limit in memory.
 */
import type { Context } from 'koa';
import { UserError } from './errors';

const tooLarge = (limit: number) =>
  new UserError(413, 'too-large', `The file is larger than the limit of ${formatBytes(limit)}`);

/** `10 MB`, `512 kB`, `100 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}

export async function readUpload(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
