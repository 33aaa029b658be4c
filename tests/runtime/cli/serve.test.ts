/** `closedloop serve` as an operator runs it: a real process on an SQLite file, stopped cleanly. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnClosedloop } from '../../helpers/spawn-closedloop';

describe('closedloop serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the SQLite file, answers /healthz, serves the designer at /, and exits 0 on SIGTERM', async () => {
    const file = join(dir, 'nested', 'closedloop.db');
    const server = spawnClosedloop(['serve'], { PORT: '0', DATABASE_URL: `sqlite:${file}` });
    try {
      const [, port] = await server.waitFor(/listening on http:\/\/localhost:(\d+)/);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
      expect(existsSync(file)).toBe(true);
      // The browser app (built by the test set-up, as `npm start` builds it) on any page address.
      const page = await fetch(`http://127.0.0.1:${port}/inbox`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root"></div>');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('refuses a DATABASE_URL it cannot use, saying what it expects', async () => {
    const server = spawnClosedloop(['serve'], { PORT: '0', DATABASE_URL: 'mysql://x' });
    expect(await server.exited()).toBe(1);
    expect(server.output()).toContain('DATABASE_URL must start with sqlite: or postgres://');
  }, 20_000);
});
