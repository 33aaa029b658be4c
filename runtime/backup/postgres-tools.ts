/**
 * @module Runs PostgreSQL's own client programs (pg_dump, pg_restore, psql) for backups: found on the
 * PATH or in Debian's versioned folders, the connection given without its password (which goes in
 * PGPASSWORD, out of the process list), failing with what the program printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type PostgresTool = 'pg_dump' | 'pg_restore' | 'psql';

/** The path of `tool`: on the PATH, else the newest /usr/lib/postgresql/<major>/bin. */
export function findTool(tool: PostgresTool, env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, tool))) return join(dir, tool);
  }
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const path = join(root, major, 'bin', tool);
    if (existsSync(path)) return path;
  }
  throw new Error(
    `${tool} is not installed; install PostgreSQL's client programs (Debian: postgresql-client)`,
  );
}

/** The connection string without its password, and the password for PGPASSWORD. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** Runs `tool` with `args`; resolves with its standard output, rejects with its error output. */
export function runTool(
  tool: PostgresTool,
  args: string[],
  options: { password?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const env = { ...(options.env ?? process.env) };
  if (options.password !== undefined) env.PGPASSWORD = options.password;
  const child = spawn(findTool(tool, env), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${tool} failed (exit ${code}): ${err.trim().slice(0, 2000)}`)),
    );
  });
}
