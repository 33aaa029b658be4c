/**
 * On SQLite the report SQL is planned through the indexes that keep a dashboard over many records from
 * reading the whole table once per record: the joined form's field index (a survey found by its
 * ticket), the SLA clocks of the record itself (not every clock in a state), and the prior tickets of
 * the same customer for recurrence (not every ticket of the model). SQLite only: without statistics its
 * planner picked those full reads (PostgreSQL plans from ANALYZE statistics and bound values).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileReport, type FieldDefinition, type ReportDefinition } from '../../../engine';
import { ensureFieldIndexes } from '../../../runtime/reports/ensure-field-indexes';
import { planToQuery } from '../../../runtime/reports/plan-to-sql';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';

const { lookup } = reportContext(SERVICE_FORMS);
const SURVEY_FIELDS = [{ key: 'ticket', type: 'text', indexed: true }] as unknown as FieldDefinition[];
const TICKET_FIELDS = [{ key: 'product', type: 'text', indexed: true }] as unknown as FieldDefinition[];

describe('index-driven report plans on sqlite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await ensureFieldIndexes(db, { key: 'survey', fields: SURVEY_FIELDS });
    await ensureFieldIndexes(db, { key: 'ticket', fields: TICKET_FIELDS });
    const record = (id: string, form: string, data: object, extra: object = {}) => ({
      id,
      form_key: form,
      form_version: 1,
      revision: 1,
      data: JSON.stringify(data),
      created_at: 0,
      updated_at: 0,
      ...extra,
    });
    await db
      .knex('records')
      .insert([
        record('t1', 'ticket', { product: 'X200' }, { customer: 'c1', resolved_at: 1000 }),
        record('t2', 'ticket', { product: 'X200' }, { customer: 'c1', created_at: 2000, resolved_at: 3000 }),
        record('s1', 'survey', { ticket: 't1', rating: 5 }),
        record('s2', 'survey', { ticket: 't2', rating: 2 }),
      ]);
    const clock = (id: number, recordId: string, stage: string, state: string) => ({
      id,
      record_id: recordId,
      clock: `${stage}-sla`,
      run: 1,
      stage,
      state,
      target_minutes: 60,
      started_at: 0,
      business_elapsed_minutes: 1,
      wall_elapsed_minutes: 1,
      paused_wall_minutes: 0,
      updated_at: 0,
    });
    await db
      .knex('sla_clocks')
      .insert([
        clock(1, 't1', 'accept', 'met'),
        clock(2, 't1', 'diagnose', 'breached'),
        clock(3, 't2', 'accept', 'met'),
      ]);
  });
  afterAll(() => db?.drop());

  async function run(spec: ReportDefinition): Promise<{ rows: unknown[]; plan: string }> {
    const query = planToQuery(db.knex, 'sqlite', compileReport(spec, { fields: lookup }), {});
    const { sql, bindings } = query.toSQL();
    const steps = (await db.knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as never[])) as {
      detail: string;
    }[];
    return { rows: await query.clone(), plan: steps.map((s) => s.detail).join('\n') };
  }

  it('finds a ticket’s survey answers through the survey form’s ticket index', async () => {
    const { rows, plan } = await run({
      key: 'csat',
      title: { en: 'CSAT' },
      source: {
        form: 'ticket',
        join: { form: 'survey', as: 'survey', on: { source: 'id', joined: 'ticket' }, type: 'left' },
      },
      measures: [{ kpi: 'csat', field: 'survey.rating', as: 'csat' }],
    });
    expect(rows).toEqual([{ csat: 50, csat_mean: 3.5 }]);
    expect(plan).toMatch(/SEARCH j USING INDEX records_survey_ticket/);
  });

  it('counts each ticket’s own SLA clocks by its record, not every clock in a state', async () => {
    const { rows, plan } = await run({
      key: 'sla',
      title: { en: 'SLA' },
      source: { form: 'ticket' },
      measures: [{ kpi: 'sla_attainment', as: 'sla' }],
    });
    expect(rows).toEqual([{ sla: (2 / 3) * 100 }]);
    expect(plan).toContain('sla_clocks_record_id_clock_run_unique');
    expect(plan).not.toContain('sla_clocks_state_due_at_index');
  });

  it('looks for a recurrence among the same customer’s tickets', async () => {
    const { rows, plan } = await run({
      key: 'recurrence',
      title: { en: 'Recurrence' },
      source: { form: 'ticket' },
      measures: [{ kpi: 'recurrence', match: ['product'], withinDays: 30, as: 'recurrence' }],
    });
    expect(rows).toEqual([{ recurrence: 50 }]);
    expect(plan).toContain('records_customer_index');
    expect(plan).not.toContain('records_ticket_product');
  });
});
