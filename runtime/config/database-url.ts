/**
 * @module Reads `DATABASE_URL` into a knex configuration: `sqlite:<file path>` (the default,
 * `sqlite:./data/closedloop.db`) or `postgres://…`. Anything else is a clear error at start-up.
 */
import type { Knex } from 'knex';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/closedloop.db';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  dialect: Dialect;
  /** SQLite: the file path (`:memory:` allowed); PostgreSQL: the connection string. */
  location: string;
}

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!location)
      throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/closedloop.db');
    return { dialect: 'sqlite', location };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

/** The knex configuration for a database. */
export function knexConfig(config: DatabaseConfig): Knex.Config {
  if (config.dialect === 'postgres') {
    return { client: 'pg', connection: config.location, pool: { min: 0, max: 10 } };
  }
  return {
    client: 'sqlite3',
    connection: { filename: config.location },
    useNullAsDefault: true,
    // One connection: SQLite has one writer, and a single connection keeps transactions from
    // failing with SQLITE_BUSY inside one process.
    pool: {
      min: 1,
      max: 1,
      afterCreate(
        connection: { run(sql: string, cb: (err: Error | null) => void): void },
        done: (err: Error | null, c: unknown) => void,
      ) {
        const pragmas = [
          'PRAGMA journal_mode = WAL',
          'PRAGMA foreign_keys = ON',
          'PRAGMA busy_timeout = 5000',
          'PRAGMA synchronous = NORMAL',
        ];
        const next = (i: number): void => {
          if (i === pragmas.length) return done(null, connection);
          connection.run(pragmas[i] as string, (err) => (err ? done(err, connection) : next(i + 1)));
        };
        next(0);
      },
    },
  };
}
