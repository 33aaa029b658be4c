/**
 * @module Opens the store: a knex instance for SQLite (file, WAL, foreign keys on) or PostgreSQL, with
 * the dialect known to the code that writes per-dialect SQL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import { knexConfig, parseDatabaseUrl, type DatabaseConfig, type Dialect } from '../config/database-url';

export interface Database {
  knex: Knex;
  dialect: Dialect;
  close(): Promise<void>;
}

// Instants are stored as epoch milliseconds (bigint); node-pg returns bigint as a string by default.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export function openDatabase(urlOrConfig: string | DatabaseConfig): Database {
  const config = typeof urlOrConfig === 'string' ? parseDatabaseUrl(urlOrConfig) : urlOrConfig;
  if (config.dialect === 'sqlite' && config.location !== ':memory:') {
    mkdirSync(dirname(config.location), { recursive: true });
  }
  const instance = knex(knexConfig(config));
  return { knex: instance, dialect: config.dialect, close: () => instance.destroy() };
}
