/** Users from the command line: the first admin on `serve`, and `create-user`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CommandIo } from '../../../runtime/cli/closedloop';
import { spawnClosedloop } from '../../helpers/spawn-closedloop';

function captureIo(env: Record<string, string>): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { env, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('users from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serve creates the admin once, printing a generated password that then signs in', async () => {
    const env = { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'a.db')}` };
    const first = spawnClosedloop(['serve'], env);
    const [, password] = await first.waitFor(/password \(shown once\): (\S+)/);
    const [, port] = await first.waitFor(/listening on http:\/\/localhost:(\d+)/);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = spawnClosedloop(['serve'], env);
    await second.waitFor(/listening on/);
    expect(await second.stop()).toBe(0);
    expect(second.output()).not.toContain('Created the first admin');
  });

  it('serve takes the admin password from CLOSEDLOOP_ADMIN_PASSWORD and does not print it', async () => {
    const server = spawnClosedloop(['serve'], {
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'b.db')}`,
      CLOSEDLOOP_ADMIN_PASSWORD: 'a-long-admin-secret',
    });
    await server.waitFor(/listening on/);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('with the password from CLOSEDLOOP_ADMIN_PASSWORD');
    expect(server.output()).not.toContain('a-long-admin-secret');
  });

  it('create-user adds a user with roles, and refuses a taken name', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'c.db')}`,
      CLOSEDLOOP_USER_PASSWORD: 'engineer-password',
    };
    const io = captureIo(env);
    expect(
      await main(
        ['create-user', 'li.wei', '--role', 'agent', '--role', 'field_engineer', '--region', '广东'],
        io,
      ),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain('Created user "li.wei" with roles agent, field_engineer.');
    expect(io.stdout.join('\n')).not.toContain('engineer-password');
    const again = captureIo(env);
    expect(await main(['create-user', 'li.wei', '--role', 'agent'], again)).toBe(1);
    expect(again.stderr.join('\n')).toContain('already exists');
  });
});
