/**
 * The runtime's JSON body reader through a whole app (in-process, SQLite): compressed bodies are read
 * and limited by their unpacked size, unknown encodings and invalid UTF-8 are refused, a body must be
 * a JSON object or array — each refusal the one error shape, with nothing stored.
 */
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { rowCount } from '../../helpers/row-count';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { tourApp, tourTicket } from '../../helpers/tour-tickets';

const TICKET = { data: tourTicket(1, { detail: '屏幕闪烁' }) };

describe('JSON request bodies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await importApp(h.runtime, tourApp(), null);
  });
  afterAll(() => h?.close());

  const post = (payload: Buffer | string, headers: Record<string, string> = {}) =>
    h.request({
      method: 'POST',
      url: '/api/forms/ticket/records',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('reads a gzip- or brotli-compressed submission like a plain one', async () => {
    const gz = await post(gzipSync(JSON.stringify(TICKET)), { 'content-encoding': 'gzip' });
    expect(gz.status, gz.text).toBe(201);
    const br = await post(brotliCompressSync(JSON.stringify(TICKET)), { 'content-encoding': 'br' });
    expect(br.status, br.text).toBe(201);
    expect(br.body.data.detail).toBe('屏幕闪烁');
  });

  it('refuses what it cannot read, storing nothing', async () => {
    const before = await rowCount(h.db.knex, 'events');
    // 2 MB of spaces inside the JSON packs into a few kilobytes: the limit counts the unpacked bytes.
    const bomb = gzipSync(`{"data":{"detail":"x"}${' '.repeat(2_000_000)}}`);
    expect(bomb.length).toBeLessThan(10_000);
    const tooBig = await post(bomb, { 'content-encoding': 'gzip' });
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'too-large']);

    const packed = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect([packed.status, packed.body.error.message]).toEqual([
      400,
      'The request body could not be decompressed',
    ]);
    const unknown = await post(JSON.stringify(TICKET), { 'content-encoding': 'zstd-ish' });
    expect([unknown.status, unknown.body.error.code]).toEqual([415, 'unsupported-encoding']);

    const latin1 = Buffer.from(JSON.stringify(TICKET).replace('屏幕闪烁', 'caf\u00e9'), 'latin1');
    const notUtf8 = await post(latin1);
    expect([notUtf8.status, notUtf8.body.error.message]).toEqual([
      400,
      'The request body is not valid UTF-8',
    ]);

    const broken = await post('{"data": {"detail": "x"');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^The request body is not valid JSON: /);
    const bare = await post('"just a string"');
    expect([bare.status, bare.body.error.message]).toEqual([
      400,
      'The request body must be a JSON object or array',
    ]);

    expect(await rowCount(h.db.knex, 'events')).toBe(before);
  });
});
