/** A stored rule dry-run over stored history: the tenth screen failure of a model in a month fires, once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle, RuleDefinition } from '../../../engine';
import { dryRunStoredRule, formsReadBy } from '../../../runtime/rules/dry-run-service';
import { writeJson } from '../../../runtime/storage/json-value';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const bundle = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;
const rule = bundle.rules![0] as RuleDefinition;

describe.each(DIALECTS)('stored rule dry run on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    // A ticket every other day from Fri 25 Sep 10:00 Shanghai (T00) to 18 Nov (T27); every ninth is an
    // X300 and every seventh a battery complaint. October has 12 X200 screen failures, November 6.
    const tickets = Array.from({ length: 28 }, (_, i) => ({
      id: `T${String(i).padStart(2, '0')}`,
      at: Date.UTC(2026, 8, 25, 2) + i * 2 * 86_400_000,
      data: { model: i % 9 === 8 ? 'X300' : 'X200', category: i % 7 === 6 ? 'battery' : 'screen' },
    }));
    for (const t of tickets) {
      await db.knex('records').insert({
        id: t.id,
        form_key: 'ticket',
        form_version: 1,
        revision: 1,
        data: writeJson(t.data),
        created_at: t.at,
        updated_at: t.at,
      });
      await db
        .knex('record_revisions')
        .insert({ record_id: t.id, revision: 1, data: writeJson(t.data), at: t.at });
    }
  });
  afterAll(() => db?.drop());

  it('reads the forms the rule triggers on and aggregates', () => {
    expect(formsReadBy(rule)).toEqual(['ticket']);
  });

  it('fires once for October, on the tenth X200 screen failure, and not for November (6)', async () => {
    const result = await dryRunStoredRule(db.knex, rule, {
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
    });
    expect(result.firings.map((f) => [f.key, f.records.length])).toEqual([
      ['screen-failure-threshold|model=X200|2026-10', 10],
    ]);
    // The X200 screen failures of October are T03, 04, 05, 07, 09, 10, 11, 12, 14, 15, 16, 18: the tenth is T15.
    const october = result.firings[0]!;
    expect(october.recordId).toBe('T15');
    expect(october.actions.find((a) => a.type === 'create-record')?.data).toMatchObject({
      model: 'X200',
      month: '2026-10',
      count: 10,
    });
    // The eleventh and twelfth (T16, T18) cross the threshold again but have the same key.
    expect(result.suppressed.duplicate).toBe(2);
  });

  it('fires nothing over a period before the threshold is reached', async () => {
    const result = await dryRunStoredRule(db.knex, rule, {
      from: '2026-09-01T00:00:00+08:00',
      to: '2026-10-01T00:00:00+08:00',
    });
    expect(result.firings).toEqual([]);
  });
});
