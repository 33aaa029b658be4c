/**
 * The whole loop in a real `closedloop serve` process on SQLite: tickets submitted over HTTP cross the
 * screen-failure threshold, the background rules worker creates the R&D task, and it shows up in the
 * API — with no test code inside the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../runtime/cli/closedloop';
import { spawnClosedloop } from '../../helpers/spawn-closedloop';

const TOUR = join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json');

/** Polls `check` until it returns a value (not a fixed sleep: it returns as soon as the work is done). */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the outcome did not appear in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the closed loop in a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-loop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'turns ten screen failures into one R&D task through the background rules worker',
    { timeout: 60_000 },
    async () => {
      const env = {
        PORT: '0',
        DATABASE_URL: `sqlite:${join(dir, 'loop.db')}`,
        CLOSEDLOOP_ADMIN_PASSWORD: 'loop-admin-password',
        CLOSEDLOOP_WORKER_INTERVAL_MS: '100',
      };
      const quiet = { env, out: () => {}, err: () => {} };
      expect(await main(['import-app', TOUR], quiet)).toBe(0);
      const server = spawnClosedloop(['serve'], env);
      try {
        const [, port] = await server.waitFor(/listening on http:\/\/localhost:(\d+)/);
        const base = `http://127.0.0.1:${port}`;
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'loop-admin-password' }),
        });
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
        for (let i = 0; i < 10; i++) {
          const res = await fetch(`${base}/api/forms/ticket/records`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              data: {
                customer: `C-${i}`,
                tier: 'standard',
                priority: 'normal',
                channel: 'wechat',
                model: 'X200',
                category: 'screen',
                detail: '黑屏',
              },
            }),
          });
          expect(res.status).toBe(201);
        }
        const tasks = await eventually(async () => {
          const res = await fetch(`${base}/api/forms/rd-task/records`, { headers });
          const body = (await res.json()) as { items: { data: { model: string; count: number } }[] };
          return body.items.length > 0 ? body.items : undefined;
        });
        expect(tasks).toHaveLength(1);
        expect(tasks[0]!.data).toMatchObject({ model: 'X200', count: 10 });
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );
});
