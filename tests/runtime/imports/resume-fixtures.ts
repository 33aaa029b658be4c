/**
 * @module Shared by the durable-import suites: a CSV of numbered tickets with some bad rows, the options
 * to queue it, and what the records table must hold once it is imported — every good row once.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { ImportOptions } from '../../../runtime/imports/import-job';
import type { Dialect } from '../../../runtime/config/database-url';
import { createTestUser, startHarness, type Harness } from '../../helpers/runtime-harness';
import { publishImportForm } from './import-fixtures';

/**
 * The suite's `beforeAll` / `afterAll`: a fresh harness on `dialect` with the import form published and
 * a designer (`dana`) to import as; `ready` gets the harness and the designer's id. Closed after the suite.
 */
export function useImportHarness(dialect: Dialect, ready: (h: Harness, actorId: string) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await publishImportForm(h.runtime);
    ready(h, (await createTestUser(h, { username: 'dana', roles: ['designer'] })).id);
  });
  afterAll(() => h?.close());
}

export interface TicketFile {
  file: Buffer;
  /** The data rows as written: customer, title, quantity (null for a bad row). */
  rows: { excelRow: number; customer: string; title: string; qty: number | null }[];
}

/** `count` tickets of customer `<tag>-<i>`; rows numbered in `bad` have a quantity that is no number. */
export function ticketFile(tag: string, count: number, bad: number[] = []): TicketFile {
  const lines = ['标题,客户,客户等级,数量'];
  const rows: TicketFile['rows'] = [];
  for (let i = 1; i <= count; i++) {
    const qty = bad.includes(i) ? null : i;
    lines.push(`Ticket ${tag} ${i},${tag}-${i},普通,${qty ?? 'many'}`);
    rows.push({ excelRow: i + 1, customer: `${tag}-${i}`, title: `Ticket ${tag} ${i}`, qty });
  }
  return { file: Buffer.from(lines.join('\n')), rows };
}

export function importOptions(
  actorId: string,
  file: Buffer,
  extra: Partial<ImportOptions> = {},
): ImportOptions {
  return {
    formKey: 'sla-ticket',
    file,
    format: 'csv',
    dryRun: false,
    actor: { id: actorId, roles: ['designer'] },
    batchSize: 3,
    ...extra,
  };
}

const dataOf = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

/** Every good row of `file` is a record exactly once, with the file's values; no bad row is. */
export async function expectImportedOnce(h: Harness, tag: string, file: TicketFile): Promise<void> {
  const stored = (await h.db.knex('records').where('customer', 'like', `${tag}-%`)).map((r) => ({
    id: r.id as string,
    data: dataOf(r.data),
  }));
  const expected = file.rows.filter((r) => r.qty !== null);
  expect(stored).toHaveLength(expected.length);
  expect(new Set(stored.map((r) => r.id)).size).toBe(expected.length);
  const byCustomer = new Map(stored.map((r) => [r.data.customer, r.data]));
  expect(byCustomer.size).toBe(expected.length);
  for (const row of expected) {
    expect(byCustomer.get(row.customer)).toMatchObject({
      customer: row.customer,
      title: row.title,
      tier: 'standard',
      qty: row.qty,
    });
  }
}

export const jobRow = async (h: Harness, id: string) =>
  (await h.db.knex('jobs').where({ id }).first()) as Record<string, unknown>;
