/** The app answers health checks and turns every kind of failure into the one error shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../helpers/test-databases';
import { startHarness, type Harness } from '../../helpers/runtime-harness';

describe.each(DIALECTS)('app basics on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h?.close());

  it('reports health with the database it runs on', async () => {
    const res = await h.request({ method: 'GET', url: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: dialect });
  });

  it('answers an unknown path with 404 in the error shape', async () => {
    const res = await h.request({ method: 'GET', url: '/api/nothing-here' });
    expect(res.status).toBe(404);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/healthz',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad-request');
  });

  it('answers an oversized body with 413', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/healthz',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too-large');
  });
});
