/**
 * Fields marked `indexed` in a form get expression indexes on `records`, and the report SQL's filters
 * on them use those indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileReport, type FieldDefinition, type ReportDefinition } from '../../../engine';
import {
  ensureFieldIndexes,
  fieldIndexName,
  indexedFieldKeys,
} from '../../../runtime/reports/ensure-field-indexes';
import { planToQuery } from '../../../runtime/reports/plan-to-sql';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/test-databases';

const FIELDS = [
  { key: 'category', type: 'select', indexed: true, options: [{ value: 'screen' }] },
  { key: 'subject', type: 'text' },
  { key: 'box', type: 'section', fields: [{ key: 'serial', type: 'serial', indexed: true }] },
  { key: 'parts', type: 'group', fields: [{ key: 'part', type: 'text', indexed: true }] },
] as unknown as FieldDefinition[];

describe('index names', () => {
  it('indexes top-level and section fields, not fields of repeating groups', () => {
    expect(indexedFieldKeys(FIELDS)).toEqual(['category', 'serial']);
  });

  it('maps "-" to "_", refuses keys that could carry SQL, and keeps long names distinct', () => {
    expect(fieldIndexName('after-sales', 'serialNo')).toBe('records_after_sales_serialNo');
    expect(() => fieldIndexName("x'; drop table records; --", 'a')).toThrow(/cannot name an index/);
    expect(() => fieldIndexName('ticket', 'a"b')).toThrow(/cannot name an index/);
    const long = fieldIndexName('f'.repeat(40), 'a'.repeat(30));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).not.toBe(fieldIndexName('f'.repeat(40), 'a'.repeat(31)));
  });
});

describe.each(DIALECTS)('field indexes on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db?.drop());

  async function indexNames(): Promise<string[]> {
    if (dialect === 'postgres') {
      const rows = (await db.knex('pg_indexes').where({ tablename: 'records' }).select('indexname')) as {
        indexname: string;
      }[];
      return rows.map((r) => r.indexname);
    }
    const rows = (await db
      .knex('sqlite_master')
      .where({ type: 'index', tbl_name: 'records' })
      .select('name')) as { name: string }[];
    return rows.map((r) => r.name);
  }

  it('creates the indexes once; running again changes nothing', async () => {
    const names = await ensureFieldIndexes(db, { key: 'ticket', fields: FIELDS });
    expect(names).toEqual(['records_ticket_category', 'records_ticket_serial']);
    expect(await ensureFieldIndexes(db, { key: 'ticket', fields: FIELDS })).toEqual(names);
    const present = await indexNames();
    for (const name of names) expect(present).toContain(name);
  });

  it('a report filter on an indexed field is planned with its index', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: `t${i}`,
      form_key: i % 4 === 0 ? 'ticket' : 'other',
      form_version: 1,
      revision: 1,
      data: JSON.stringify({ category: `cat${i % 50}`, serial: `SN${i}` }),
      created_at: 0,
      updated_at: 0,
    }));
    for (let i = 0; i < rows.length; i += 100) await db.knex('records').insert(rows.slice(i, i + 100));
    const spec: ReportDefinition = {
      key: 'k',
      title: { en: 'K' },
      source: { form: 'ticket' },
      filters: [{ field: 'serial', op: 'eq', value: 'SN8' }],
      measures: [{ op: 'count', as: 'n' }],
    };
    const plan = compileReport(spec, { fields: reportContext(SERVICE_FORMS).lookup });
    const query = planToQuery(db.knex, dialect, plan, {});
    expect(await query.clone()).toEqual([{ n: 1 }]);
    const { sql, bindings } = query.toSQL();
    let text: string;
    if (dialect === 'postgres') {
      text = await db.knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        await trx.raw('ANALYZE records');
        const result = (await trx.raw(`EXPLAIN ${sql}`, bindings as never[])) as {
          rows: { 'QUERY PLAN': string }[];
        };
        return result.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    } else {
      const result = (await db.knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as never[])) as {
        detail: string;
      }[];
      text = result.map((r) => r.detail).join('\n');
    }
    expect(text).toContain('records_ticket_serial');
  });
});
