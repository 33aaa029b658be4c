/**
 * Attachments on both databases: a signed-in upload answers the file reference an attachment field
 * stores, and reading it back gives the same bytes with their type and name; the same content is
 * stored once; a file past the limit is 413, a type off the list 415, bytes that are not of the
 * declared type 422; reading needs a session; customers upload anonymously only for a published form
 * that takes files, at most so many per IP, and a submission carrying the reference is stored with it.
 */
import { createHash } from 'node:crypto';
import Router from '@koa/router';
import Koa from 'koa';
import { inject } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMIT, registerAttachmentRoutes } from '../../../runtime/http/attachment-routes';
import { errorMiddleware } from '../../../runtime/http/error-middleware';
import { memoryLogger } from '../../../runtime/logger';
import { rowCount } from '../../helpers/row-count';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { publishForm, repairRequestForm, SMALL_PNG } from './attachment-fixtures';

describe.each(DIALECTS)('attachments API on %s', (dialect) => {
  let h: Harness;
  let agent: TestLogin;

  const upload = (body: Buffer, type: string, query = '', headers: Record<string, string> = {}) =>
    h.request({
      method: 'POST',
      url: `/api/attachments${query}`,
      headers: { 'content-type': type, ...headers },
      payload: body,
    });

  beforeAll(async () => {
    h = await startHarness(dialect);
    agent = await createUserAndLogin(h, { username: 'ann', roles: ['agent'] });
    await publishForm(h.runtime, repairRequestForm);
    await publishForm(h.runtime, {
      key: 'no-files',
      fields: [{ key: 'note', type: 'text', label: { en: 'Note' } }],
    });
  });
  afterAll(() => h?.close());

  it('stores an upload and answers the reference an attachment field stores', async () => {
    const res = await upload(SMALL_PNG, 'image/png', '?name=screen.png', agent.headers);
    expect(res.status).toBe(201);
    const hash = createHash('sha256').update(SMALL_PNG).digest('hex');
    expect(res.body).toEqual({ hash, name: 'screen.png', size: SMALL_PNG.length, contentType: 'image/png' });
    expect(res.headers.location).toBe(`/api/attachments/${hash}`);

    const read = await h.request({ method: 'GET', url: `/api/attachments/${hash}`, headers: agent.headers });
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.headers['content-disposition']).toBe(
      `inline; filename="screen.png"; filename*=UTF-8''screen.png`,
    );
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    expect(read.headers['content-length']).toBe(String(SMALL_PNG.length));
    // The harness reads bodies as text; the bytes themselves come from a direct injection.
    const raw = await inject(h.runtime.app.callback(), {
      method: 'GET',
      url: `/api/attachments/${hash}`,
      headers: agent.headers,
    });
    expect(raw.rawPayload.equals(SMALL_PNG)).toBe(true);
  });

  it('stores the same content once, whatever it is called', async () => {
    const bytes = Buffer.from('Serial SN-000123, screen flickers after 10 minutes\n');
    const first = await upload(bytes, 'text/plain; charset=utf-8', '?name=log.txt', agent.headers);
    const second = await upload(
      bytes,
      'text/plain',
      `?name=${encodeURIComponent('日志.txt')}`,
      agent.headers,
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.hash).toBe(first.body.hash);
    expect(second.body.name).toBe('日志.txt');
    expect(await rowCount(h.db.knex, 'attachments', { hash: first.body.hash })).toBe(1);
    expect(await rowCount(h.db.knex, 'events', { stream_id: `attachment:${first.body.hash}` })).toBe(1);

    // Read back under the name the record's reference carries.
    const read = await h.request({
      method: 'GET',
      url: `/api/attachments/${first.body.hash}?name=${encodeURIComponent('日志.txt')}&download=1`,
      headers: agent.headers,
    });
    expect(read.headers['content-disposition']).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt`,
    );
  });

  it('refuses a file past the size limit with 413 and stores nothing', async () => {
    const big = Buffer.alloc(DEFAULT_ATTACHMENT_LIMIT + 1, 0x20);
    const before = await rowCount(h.db.knex, 'attachments');
    const res = await upload(big, 'text/plain', '?name=big.txt', agent.headers);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too-large');
    expect(await rowCount(h.db.knex, 'attachments')).toBe(before);
  });

  it('refuses types off the allow-list (415) and bytes that are not of the declared type (422)', async () => {
    const exe = await upload(
      Buffer.from('MZ\x90\x00'),
      'application/x-msdownload',
      '?name=a.exe',
      agent.headers,
    );
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('unsupported-media-type');
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'text/html', '', agent.headers);
    expect(html.status).toBe(415);

    const fake = await upload(Buffer.from('MZ not a picture'), 'image/png', '?name=photo.png', agent.headers);
    expect(fake.status).toBe(422);
    expect(fake.body.error.code).toBe('content-mismatch');
    expect(fake.body.error.issues[0]).toMatchObject({ code: 'content-mismatch', path: '' });

    const empty = await upload(Buffer.alloc(0), 'image/png', '', agent.headers);
    expect(empty.status).toBe(400);
  });

  it('serves files to signed-in users only', async () => {
    const stored = await upload(SMALL_PNG, 'image/png', '?name=a.png', agent.headers);
    const anonymous = await h.request({ method: 'GET', url: `/api/attachments/${stored.body.hash}` });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const missing = await h.request({
      method: 'GET',
      url: `/api/attachments/${'0'.repeat(64)}`,
      headers: agent.headers,
    });
    expect(missing.status).toBe(404);
    const notAHash = await h.request({
      method: 'GET',
      url: '/api/attachments/..%2Fetc',
      headers: agent.headers,
    });
    expect(notAHash.status).toBe(404);
  });

  it('takes anonymous uploads only for a published form with a file field', async () => {
    const bare = await upload(SMALL_PNG, 'image/png', '?name=a.png');
    expect(bare.status).toBe(401);
    const unknown = await upload(SMALL_PNG, 'image/png', '?name=a.png&form=nope');
    expect(unknown.status).toBe(404);
    const noFiles = await upload(SMALL_PNG, 'image/png', '?name=a.png&form=no-files');
    expect(noFiles.status).toBe(403);
    const ok = await upload(SMALL_PNG, 'image/png', '?name=fault.png&form=repair-request');
    expect(ok.status).toBe(201);
    const event = await h.db
      .knex('events')
      .where({ stream_id: `attachment:${ok.body.hash}` })
      .first();
    // Stored earlier by the agent: the anonymous upload found it and wrote nothing.
    expect(event.actor).toBe(agent.user.id);
  });

  it('accepts an anonymous submission carrying the uploaded reference', async () => {
    const photo = (await upload(SMALL_PNG, 'image/png', '?name=fault.png&form=repair-request')).body;
    const res = await h.request({
      method: 'POST',
      url: '/api/forms/repair-request/records',
      payload: {
        data: {
          name: '王芳',
          mobile: '13812345678',
          kind: 'fault',
          detail: 'Screen flickers',
          photos: [photo],
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.photos).toEqual([photo]);
    const row = await h.db.knex('records').where({ id: res.body.id }).first();
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    expect(data.photos[0].hash).toBe(photo.hash);

    // A file the field does not accept is the engine's issue on the field, in the caller's language.
    const text = (await upload(Buffer.from('hello'), 'text/plain', '?name=a.txt', agent.headers)).body;
    const refused = await h.request({
      method: 'POST',
      url: '/api/forms/repair-request/records',
      headers: { 'accept-language': 'zh-CN' },
      payload: { data: { name: '王芳', mobile: '13812345678', photos: [text] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      expect.objectContaining({ code: 'file-type-not-accepted', path: '/photos/0/contentType' }),
    ]);
    expect(refused.body.error.issues[0].message).toContain('故障照片');
  });

  it('refuses a submission or an update naming a file that was never uploaded, storing nothing', async () => {
    const before = await rowCount(h.db.knex, 'records');
    const ghost = { hash: 'a'.repeat(64), name: 'ghost.png', size: 68, contentType: 'image/png' };
    const refused = await h.request({
      method: 'POST',
      url: '/api/forms/repair-request/records',
      headers: { 'accept-language': 'zh-CN' },
      payload: { data: { name: '王芳', mobile: '13812345678', kind: 'fault', detail: 'x', photos: [ghost] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      expect.objectContaining({
        code: 'file-not-uploaded',
        path: '/photos/0',
        message: '该文件未上传成功，请重新上传',
      }),
    ]);
    expect(await rowCount(h.db.knex, 'records')).toBe(before);

    const photo = (await upload(SMALL_PNG, 'image/png', '?name=ok.png', agent.headers)).body;
    const created = await h.request({
      method: 'POST',
      url: '/api/forms/repair-request/records',
      payload: { data: { name: '王芳', mobile: '13812345678', kind: 'fault', detail: 'x', photos: [photo] } },
    });
    expect(created.status).toBe(201);
    const admin = await createUserAndLogin(h, { username: 'boss', roles: ['admin'] });
    const patched = await h.request({
      method: 'PATCH',
      url: `/api/records/${created.body.id}`,
      headers: { ...admin.headers, 'if-match': String(created.body.revision) },
      payload: { data: { photos: [photo, ghost] } },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.error.issues).toEqual([
      expect.objectContaining({ code: 'file-not-uploaded', path: '/photos/1' }),
    ]);
    const row = await h.db.knex('records').where({ id: created.body.id }).first();
    expect(Number(row.revision)).toBe(created.body.revision);
  });

  it('limits anonymous uploads per IP (429 with Retry-After), and the window passes', async () => {
    const router = new Router();
    registerAttachmentRoutes(router, h.runtime, { uploadRateLimit: { limit: 2, windowMs: 60_000 } });
    const app = new Koa();
    app.use(errorMiddleware(memoryLogger()));
    app.use(router.routes());
    const send = () =>
      inject(app.callback(), {
        method: 'POST',
        url: '/api/attachments?name=a.png&form=repair-request',
        headers: { 'content-type': 'image/png' },
        payload: SMALL_PNG,
      });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    h.clock.advanceMinutes(1);
    expect((await send()).statusCode).toBe(201);
  });
});
