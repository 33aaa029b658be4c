/**
 * Report → SQL per dialect against fixed strings, no database (STYLE.md 11, like knex's unit tests):
 * each JSON case in tests/fixtures/runtime-reports/sql holds a report spec and the SQL and bindings
 * `planToQuery` must produce for SQLite and PostgreSQL.
 */
import knex, { type Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { compileReport, type ReportDefinition } from '../../../engine';
import type { Dialect } from '../../../runtime/config/database-url';
import { planToQuery } from '../../../runtime/reports/plan-to-sql';
import { loadFixtures } from '../../helpers/fixtures';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

interface SqlCase {
  name: string;
  spec: ReportDefinition;
  params?: Record<string, string>;
  sql: Record<Dialect, string>;
  bindings: Record<Dialect, unknown[]>;
}

const { lookup } = reportContext(SERVICE_FORMS);
const cases = loadFixtures<SqlCase & { [k: string]: unknown }>('runtime-reports/sql');
const clients: Record<Dialect, Knex> = {
  sqlite: knex({ client: 'sqlite3', useNullAsDefault: true }),
  postgres: knex({ client: 'pg' }),
};
afterAll(async () => {
  await clients.sqlite.destroy();
  await clients.postgres.destroy();
});

describe.each(['sqlite', 'postgres'] as const)('fixed report SQL on %s', (dialect) => {
  it('found the cases', () => expect(cases.length).toBeGreaterThanOrEqual(6));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan = compileReport(c.spec, { fields: lookup });
    const compiled = planToQuery(clients[dialect], dialect, plan, c.params ?? {}).toSQL();
    expect(compiled.sql).toBe(c.sql[dialect]);
    expect(compiled.bindings).toEqual(c.bindings[dialect]);
  });
});
