/**
 * @module The bulk year of tickets the benchmarks read: written into a store with every template
 * installed, each record is one its published form accepts, the system columns are filled as the
 * runtime fills them, and the shares are the demo's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BULK_PERIOD_END,
  writeBulkTickets,
  type BulkTicketsResult,
} from '../../examples/demo-data/bulk-tickets';
import { CHANNEL_SHARES, CATEGORY_SHARES } from '../../examples/demo-data/demo-catalog';
import { SURVEY_RESPONSE_RATE } from '../../examples/demo-data/demo-surveys';
import { installBundledTemplates } from '../../runtime/cli/first-run';
import { memoryLogger } from '../../runtime/logger';
import { loadPublishedForm } from '../../runtime/records/published-form';
import type { RuntimeContext } from '../../runtime/runtime-context';
import { readJson } from '../../runtime/storage/json-value';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/test-databases';

const TICKETS = 2_000;
const STAGE_ROLE: Record<string, string> = {
  accept: 'agent',
  diagnose: 'engineer',
  plan: 'engineer',
  execute: 'field_engineer',
  follow_up: 'agent',
};

interface Row {
  id: string;
  form_key: string;
  form_version: number;
  stage: string | null;
  assignee: string | null;
  team: string | null;
  customer: string | null;
  revision: number;
  data: unknown;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
}

describe.each(DIALECTS)('bulk tickets on %s', (dialect) => {
  let db: TestDatabase;
  let runtime: RuntimeContext;
  let written: BulkTicketsResult;
  let rows: (Row & { data: Record<string, unknown> })[];
  const ofForm = (key: string) => rows.filter((r) => r.form_key === key);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    runtime = {
      db,
      clock: { now: () => new Date(BULK_PERIOD_END - 400 * 86_400_000) },
      logger: memoryLogger(),
    };
    await installBundledTemplates(runtime);
    runtime = { ...runtime, clock: { now: () => new Date(BULK_PERIOD_END) } };
    written = await writeBulkTickets(runtime, { count: TICKETS, seed: 7 });
    rows = ((await db.knex('records').select('*')) as Row[])
      .filter((r) =>
        ['after-sales-ticket', 'after-sales-survey', 'after-sales-customer'].includes(r.form_key),
      )
      .map((r) => ({ ...r, data: readJson(r.data) as Record<string, unknown> }));
  }, 120_000);
  afterAll(() => db?.drop());

  it('writes every record as its published form accepts it, pinned to that version', async () => {
    for (const key of ['after-sales-ticket', 'after-sales-survey', 'after-sales-customer']) {
      const form = await loadPublishedForm(runtime, key);
      const records = ofForm(key);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const checked = form.compiled.validate(record.data, { now: new Date(record.updated_at) });
        expect({ id: record.id, issues: checked.ok ? [] : checked.issues }).toEqual({
          id: record.id,
          issues: [],
        });
        expect(record.form_version).toBe(form.version);
      }
    }
    expect(ofForm('after-sales-ticket')).toHaveLength(TICKETS);
    expect(written.tickets).toBe(TICKETS);
  });

  it('creates the tickets in the year before 2026-11-24 and fills the columns the runtime fills', async () => {
    const users = new Map(
      (
        (await db.knex('users').select('id', 'roles', 'team')) as {
          id: string;
          roles: unknown;
          team: string;
        }[]
      ).map((u) => [u.id, { roles: readJson(u.roles) as string[], team: u.team }]),
    );
    const customers = new Set(ofForm('after-sales-customer').map((c) => c.id));
    for (const ticket of ofForm('after-sales-ticket')) {
      expect(ticket.created_at).toBeGreaterThanOrEqual(written.from);
      expect(ticket.created_at).toBeLessThan(BULK_PERIOD_END);
      expect(ticket.updated_at).toBeGreaterThanOrEqual(ticket.created_at);
      expect(customers.has(ticket.customer!)).toBe(true);
      expect(ticket.data.customer).toBe(ticket.customer);
      const assignee = users.get(ticket.assignee!);
      expect(assignee).toBeDefined();
      expect(ticket.team).toBe(assignee!.team);
      const role = STAGE_ROLE[ticket.stage!];
      if (role) expect(assignee!.roles).toContain(role);
      expect(ticket.resolved_at !== null).toBe(ticket.stage === 'closed');
    }
    expect(written.from).toBe(Date.parse('2025-11-23T16:00:00Z'));
  });

  it('follows the demo shares of channels and fault categories', () => {
    const tickets = ofForm('after-sales-ticket');
    const share = (field: string, value: string) =>
      tickets.filter((t) => t.data[field] === value).length / tickets.length;
    for (const [channel, expected] of Object.entries(CHANNEL_SHARES))
      expect(Math.abs(share('channel', channel) - expected)).toBeLessThan(0.04);
    // Categories of the tickets classified so far (open online tickets may not be yet).
    const classified = tickets.filter((t) => t.data.category !== undefined);
    for (const [category, expected] of Object.entries(CATEGORY_SHARES))
      expect(
        Math.abs(
          classified.filter((t) => t.data.category === category).length / classified.length - expected,
        ),
      ).toBeLessThan(0.035);
  });

  it('closes most tickets, cancels about 2 % and leaves the newest open, with surveys from about 55 % of the closed', () => {
    const tickets = ofForm('after-sales-ticket');
    const count = (stage: string) => tickets.filter((t) => t.stage === stage).length;
    expect(count('closed')).toBe(written.closed);
    expect(written.closed / TICKETS).toBeGreaterThan(0.9);
    expect(Math.abs(count('cancelled') / TICKETS - 0.02)).toBeLessThan(0.012);
    expect(written.open).toBe(TICKETS - written.closed - written.cancelled);
    expect(written.open).toBeGreaterThan(0);
    const surveys = ofForm('after-sales-survey');
    expect(surveys).toHaveLength(written.surveys);
    expect(Math.abs(surveys.length / written.closed - SURVEY_RESPONSE_RATE)).toBeLessThan(0.05);
    // Every answer names a closed ticket, which carries the answer as the survey rule copies it.
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const survey of surveys) {
      const ticket = byId.get(survey.data.ticket as string)!;
      expect(ticket.stage).toBe('closed');
      expect(ticket.data.surveyCsat).toBe(survey.data.csat);
      expect(survey.created_at).toBeGreaterThan(ticket.resolved_at!);
    }
  });

  it('gives every closed ticket a met or breached SLA clock for each stage it worked through', async () => {
    const clocks = (await db.knex('sla_clocks').select('record_id', 'stage', 'state')) as {
      record_id: string;
      stage: string;
      state: string;
    }[];
    expect(clocks).toHaveLength(written.clocks);
    const closed = new Set(
      ofForm('after-sales-ticket')
        .filter((t) => t.stage === 'closed')
        .map((t) => t.id),
    );
    const stagesOf = new Map<string, Set<string>>();
    for (const clock of clocks.filter((c) => closed.has(c.record_id))) {
      expect(['met', 'breached']).toContain(clock.state);
      stagesOf.set(clock.record_id, (stagesOf.get(clock.record_id) ?? new Set()).add(clock.stage));
    }
    expect(stagesOf.size).toBe(closed.size);
    for (const stages of stagesOf.values()) expect(stages.size).toBe(5);
    const breached = clocks.filter((c) => c.state === 'breached').length / clocks.length;
    expect(breached).toBeGreaterThan(0.03);
    expect(breached).toBeLessThan(0.15);
  });

  it('leaves the indexes the templates declare in place', async () => {
    const names =
      dialect === 'sqlite'
        ? ((await db
            .knex('sqlite_master')
            .where({ type: 'index', tbl_name: 'records' })
            .pluck('name')) as string[])
        : ((await db.knex('pg_indexes').where({ tablename: 'records' }).pluck('indexname')) as string[]);
    expect(names).toEqual(
      expect.arrayContaining(['records_after_sales_ticket_model', 'records_after_sales_survey_ticket']),
    );
  });
});
