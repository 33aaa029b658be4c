/**
 * @module Writes the expected SQL and bindings into every case of tests/fixtures/runtime-reports/sql
 * from the current `planToQuery`. Add a case as JSON (`name`, `spec`, optional `params`), run
 * `npx tsx tests/runtime/reports/write-fixed-sql.ts`, and review the SQL it wrote before committing:
 * the fixture is the reviewed statement of what the runtime sends to each database.
 */
import knex from 'knex';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileReport } from '../../../engine/reports/compile-report';
import { planToQuery } from '../../../runtime/reports/plan-to-sql';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';
const { lookup } = reportContext(SERVICE_FORMS);
const pg = knex({ client: 'pg' });
const lite = knex({ client: 'sqlite3', useNullAsDefault: true });
const dir = 'tests/fixtures/runtime-reports/sql';
for (const f of readdirSync(dir)) {
  const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const plan = compileReport(c.spec, { fields: lookup });
  c.sql = {};
  c.bindings = {};
  for (const [d, k] of [
    ['sqlite', lite],
    ['postgres', pg],
  ] as const) {
    const s = planToQuery(k, d, plan, c.params ?? {}).toSQL();
    c.sql[d] = s.sql;
    c.bindings[d] = s.bindings;
  }
  writeFileSync(join(dir, f), JSON.stringify(c, null, 2) + '\n');
}
await pg.destroy();
await lite.destroy();
