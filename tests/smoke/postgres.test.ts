/** Smoke test: the test run has a real PostgreSQL server that stores and returns JSONB. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

describe('PostgreSQL for the runtime suites', () => {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('stores a JSONB document and answers a query on a path inside it', async () => {
    await client.query('CREATE TEMP TABLE smoke_records (id serial PRIMARY KEY, data jsonb NOT NULL)');
    await client.query('INSERT INTO smoke_records (data) VALUES ($1), ($2)', [
      { model: 'X200', fault: 'screen' },
      { model: 'X300', fault: 'battery' },
    ]);
    const { rows } = await client.query(
      "SELECT data->>'model' AS model FROM smoke_records WHERE data->>'fault' = 'screen'",
    );
    expect(rows).toEqual([{ model: 'X200' }]);
    const version = await client.query('SHOW server_version_num');
    expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(120000);
  });
});
