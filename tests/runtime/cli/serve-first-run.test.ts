/**
 * @module `npm start`'s `closedloop serve --first-run` as an operator sees it: a new SQLite file gets the
 * templates (demo data off here; its load is tested in first-run.test.ts with an injected date), the
 * admin can sign in and finds the template forms; a second start on the same file installs nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../../runtime/cli/bundled-templates';
import { spawnClosedloop } from '../../helpers/spawn-closedloop';

describe('closedloop serve --first-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-first-run-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'closedloop.db')}`,
    CLOSEDLOOP_DEMO_TICKETS: '0',
    CLOSEDLOOP_ADMIN_PASSWORD: 'first run admin 2026',
  };

  it('installs the templates once, then serves them to the admin', async () => {
    const first = spawnClosedloop(['serve', '--first-run'], env);
    try {
      const [, port] = await first.waitFor(/listening on http:\/\/localhost:(\d+)/);
      const output = first.output();
      for (const t of bundledTemplates()) expect(output).toContain(`Installing the template ${t.name}`);
      expect(output).toContain('No demo data: no demo tickets asked for (CLOSEDLOOP_DEMO_TICKETS=0)');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: env.CLOSEDLOOP_ADMIN_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const forms = (await (
        await fetch(`http://127.0.0.1:${port}/api/forms`, { headers: { cookie } })
      ).json()) as {
        items: { key: string }[];
      };
      expect(forms.items.map((f) => f.key)).toContain('after-sales-ticket');
      expect(forms.items.map((f) => f.key)).toContain('after-sales-survey');
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }

    const second = spawnClosedloop(['serve', '--first-run'], env);
    try {
      await second.waitFor(/listening on http:\/\/localhost:(\d+)/);
      expect(second.output()).not.toContain('First run');
      expect(second.output()).not.toContain('Installing the template');
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  }, 60_000);

  it('stops at once when interrupted during the demo load, saying how to start afresh', async () => {
    const file = join(dir, 'interrupted.db');
    const server = spawnClosedloop(['serve', '--first-run'], {
      ...env,
      DATABASE_URL: `sqlite:${file}`,
      CLOSEDLOOP_DEMO_TICKETS: '2000',
    });
    await server.waitFor(/Loading demo data/);
    expect(await server.stop('SIGINT')).toBe(130);
    expect(server.output()).toContain('Stopped during the first run: the demo data is only partly loaded');
    expect(server.output()).toContain(file);
    expect(server.output()).not.toContain('listening on');
  }, 60_000);

  it('refuses an unknown option and a demo size it cannot use, naming them', async () => {
    const option = spawnClosedloop(['serve', '--demo'], env);
    expect(await option.exited()).toBe(1);
    expect(option.output()).toContain('unknown option --demo');
    const size = spawnClosedloop(['serve', '--first-run'], { ...env, CLOSEDLOOP_DEMO_TICKETS: 'lots' });
    expect(await size.exited()).toBe(1);
    expect(size.output()).toContain('CLOSEDLOOP_DEMO_TICKETS must be a whole number');
  }, 30_000);
});
