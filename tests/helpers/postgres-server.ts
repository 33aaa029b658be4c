/**
 * @module A real, throwaway PostgreSQL server for the test run. If `CLOSEDLOOP_TEST_PG_URL` is set the
 * suites use that server; otherwise this starts one from the installed PostgreSQL binaries on loopback
 * in a temporary folder (as the `postgres` user when running as root, since the server refuses root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  url: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<major>/bin. */
function findPostgresBin(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((d) => existsSync(join(debian, d, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(debian, majors[0], 'bin');
  }
  try {
    const pgCtl = execFileSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).trim();
    if (pgCtl) return pgCtl.replace(/\/pg_ctl$/, '');
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'PostgreSQL server binaries not found: install Debian\'s "postgresql" package or set CLOSEDLOOP_TEST_PG_URL',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PostgresOptions {
  /**
   * Keep PostgreSQL's durability (fsync on), as a production server has it: for benchmarks. The test
   * suites turn fsync off, since their databases are thrown away.
   */
  durable?: boolean;
}

/** Starts a fresh cluster with trust authentication on 127.0.0.1; `stop()` shuts it down and deletes it. */
export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: 'pipe', cwd: dir });
  };
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-t',
    '60',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.durable ? 'on' : 'off'} -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
