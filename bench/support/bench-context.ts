/**
 * @module The context one `npm run bench` gives its rows: a scratch folder, one PostgreSQL server started
 * on first use (durable: fsync on, unlike the test suites' server), shared data sets built once, and the
 * clean-up at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type RunningPostgres } from '../../tests/helpers/postgres-server';
import type { BenchContext } from '../bench-row';
import { createBenchDatabase } from './bench-databases';

export interface OwnedBenchContext extends BenchContext {
  /** Stops the PostgreSQL server and deletes the scratch folder. */
  close(): Promise<void>;
}

export function createBenchContext(log: (line: string) => void): OwnedBenchContext {
  const workDir = mkdtempSync(join(tmpdir(), 'closedloop-bench-'));
  let postgres: Promise<RunningPostgres> | undefined;
  const sharedValues = new Map<string, Promise<unknown>>();
  const postgresUrl = async () => {
    const given = process.env.CLOSEDLOOP_BENCH_PG_URL;
    if (given) return given;
    postgres ??= startPostgres({ durable: true });
    return (await postgres).url;
  };
  return {
    workDir,
    log,
    postgresUrl,
    newDatabase: (dialect) => createBenchDatabase(dialect, workDir, postgresUrl),
    shared<T>(key: string, make: () => Promise<T>): Promise<T> {
      if (!sharedValues.has(key)) sharedValues.set(key, make());
      return sharedValues.get(key) as Promise<T>;
    },
    async close() {
      if (postgres) (await postgres).stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
