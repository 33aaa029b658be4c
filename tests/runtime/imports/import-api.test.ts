/**
 * Bulk import over HTTP: a CSV or XLSX file becomes records of a form, through a background job whose
 * progress and per-row issues `GET /api/jobs/:id` shows; bad rows are reported by their Excel row number
 * and stored never, good rows are stored with their flows started.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../runtime/auth/api-tokens';
import { runImportJob, startImportJob } from '../../../runtime/imports/import-job';
import { DEFAULT_IMPORT_LIMIT } from '../../../runtime/http/import-routes';
import { waitForJob } from '../../../runtime/imports/job-store';
import {
  createUserAndLogin,
  startHarness,
  type Harness,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { count, CSV, fixture, publishImportForm, sendFile, XLSX } from './import-fixtures';

describe.each(DIALECTS)('form import on %s', (dialect) => {
  let h: Harness;
  let designer: TestLogin;
  let manager: TestLogin;
  let admin: TestLogin;
  let agent: TestLogin;

  beforeAll(async () => {
    h = await startHarness(dialect);
    await publishImportForm(h.runtime);
    designer = await createUserAndLogin(h, { username: 'dana', roles: ['designer'] });
    manager = await createUserAndLogin(h, { username: 'max', roles: ['manager'] });
    admin = await createUserAndLogin(h, { username: 'ada', roles: ['admin'] });
    agent = await createUserAndLogin(h, { username: 'al', roles: ['agent'] });
  });
  afterAll(() => h?.close());

  /** Sends the file, awaits the job the request started, returns it as `GET /api/jobs/:id` shows it. */
  async function importFile(
    file: Buffer | string,
    options: { type?: string; query?: string; as?: TestLogin } = {},
  ) {
    const res = await sendFile(h, file, { ...options, headers: (options.as ?? designer).headers });
    expect(res.status, res.text).toBe(202);
    expect(res.body.job).toMatchObject({ kind: 'import', status: 'queued', done: 0 });
    expect(res.headers.location).toBe(`/api/jobs/${res.body.job.id}`);
    await waitForJob(res.body.job.id);
    const read = await h.request({
      method: 'GET',
      url: `/api/jobs/${res.body.job.id}`,
      headers: (options.as ?? designer).headers,
    });
    expect(read.status).toBe(200);
    return read.body.job;
  }

  const recordsOf = async (customer: string) =>
    (await h.db.knex('records').where({ form_key: 'sla-ticket', customer })).map((r) => ({
      ...r,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    }));

  it('imports a UTF-8 CSV with a BOM and Chinese label headers, reporting the bad row by its Excel number', async () => {
    const job = await importFile(fixture('tickets-zh.csv'));
    expect(job).toMatchObject({
      status: 'done',
      total: 4,
      done: 4,
      percent: 100,
      result: { form: 'sla-ticket', dryRun: false, imported: 3, failed: 1, issuesOmitted: 0 },
    });
    // The unknown column once for the file; the bad row (its quantity "两个") once, by its Excel row.
    expect(job.issues).toEqual([
      expect.objectContaining({ row: null, column: '备注', field: null, code: 'unknown-column' }),
      expect.objectContaining({ row: 3, column: '数量', field: 'qty', code: 'wrong-type' }),
    ]);
    expect(job.issues[1].message).toBe('"Quantity" must be a whole number');
    expect(await recordsOf('C002')).toEqual([]);

    const [c001] = await recordsOf('C001');
    expect(c001!.data).toEqual({
      customer: 'C001',
      title: '屏幕闪烁, 偶发',
      tier: 'vip',
      priority: 'urgent',
      category: 'screen',
      tags: ['repeat', 'press'],
      amount: 1234.5,
      purchased: '2026-03-05',
      warranty: true,
      qty: 2,
      fee: 88.5,
      channel: 'phone',
      occurredAt: '2026-03-05T10:30:00+08:00',
      detail: '第一行\r\n第二行, 含逗号',
    });
    expect(c001!.created_by).toBe(designer.user.id);
    const [c003] = await recordsOf('C003');
    expect(c003!.data).toMatchObject({
      title: 'Battery swollen',
      tier: 'standard',
      tags: ['repeat', 'press'],
      purchased: '2026-03-07',
      warranty: true,
      channel: 'web',
      occurredAt: '2026-03-07T08:00:00+08:00',
    });
    const [c004] = await recordsOf('C004');
    expect(c004!.data).toMatchObject({
      tier: 'vip',
      purchased: '2026-03-08',
      warranty: false,
      channel: 'phone',
      occurredAt: '2026-03-08T09:05:00+08:00',
    });
    expect(c004!.data).not.toHaveProperty('tags');

    // Every stored record started its flow, in its first stage, with its SLA clock.
    for (const record of [c001!, c003!, c004!]) {
      expect(record.stage).toBe('triage');
      expect(await count(h, 'flow_instances', { record_id: record.id })).toBe(1);
      expect(await count(h, 'sla_clocks', { record_id: record.id })).toBe(1);
      expect(
        await count(h, 'events', { stream: 'record', stream_id: record.id, type: 'record.created' }),
      ).toBe(1);
    }
  });

  it('imports an XLSX built with exceljs, with a real date cell and English labels or keys as headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tickets');
    sheet.addRow([
      'customer',
      ' TITLE ',
      'Tier',
      'Priority',
      'Tags',
      'Purchase date',
      'In warranty',
      'Occurred at',
      'Fee',
    ]);
    sheet.addRow([
      'X001',
      { richText: [{ text: 'Screen ' }, { text: 'dead', font: { bold: true } }] },
      'Standard',
      'Normal',
      'Repeat、Press',
      new Date(Date.UTC(2026, 2, 5)),
      true,
      new Date(Date.UTC(2026, 2, 5, 14, 45)),
      { formula: '40+2.5', result: 42.5 },
    ]);
    sheet.getCell('F2').numFmt = 'yyyy-mm-dd';
    sheet.getCell('H2').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.addRow([]);
    sheet.addRow(['X002', '', 'VIP', 'Urgent', 'nope', '2026-02-30', 'maybe']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const job = await importFile(file, { type: XLSX });
    expect(job).toMatchObject({ status: 'done', total: 2, done: 2, result: { imported: 1, failed: 1 } });
    const rowIssues = job.issues.filter((i: { row: number | null }) => i.row !== null);
    expect(rowIssues.every((i: { row: number }) => i.row === 4)).toBe(true);
    expect(rowIssues.map((i: { field: string; column: string }) => [i.field, i.column])).toEqual(
      expect.arrayContaining([
        ['title', ' TITLE '.trim()],
        ['tags', 'Tags'],
        ['purchased', 'Purchase date'],
        ['warranty', 'In warranty'],
      ]),
    );
    const [x001] = await recordsOf('X001');
    expect(x001!.data).toMatchObject({
      title: 'Screen dead',
      tier: 'standard',
      priority: 'normal',
      tags: ['repeat', 'press'],
      purchased: '2026-03-05',
      warranty: true,
      occurredAt: '2026-03-05T14:45:00+08:00',
      fee: 42.5,
    });
    expect(await recordsOf('X002')).toEqual([]);
  });

  it('a dry run validates everything and stores nothing', async () => {
    const before = {
      records: await count(h, 'records'),
      flows: await count(h, 'flow_instances'),
      recordEvents: await count(h, 'events', { stream: 'record' }),
    };
    const job = await importFile(fixture('tickets-zh.csv'), { query: '?dryRun=1', as: manager });
    expect(job).toMatchObject({
      status: 'done',
      total: 4,
      done: 4,
      result: { dryRun: true, imported: 3, failed: 1 },
    });
    expect(job.issues).toEqual([
      expect.objectContaining({ code: 'unknown-column' }),
      expect.objectContaining({ row: 3, field: 'qty' }),
    ]);
    expect({
      records: await count(h, 'records'),
      flows: await count(h, 'flow_instances'),
      recordEvents: await count(h, 'events', { stream: 'record' }),
    }).toEqual(before);
  });

  it('messages follow the locale asked for', async () => {
    const job = await importFile(fixture('tickets-zh.csv'), { query: '?dryRun=1&locale=zh-CN' });
    expect(job.issues[0].message).toContain('备注');
    expect(job.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('imports 2,000 rows in batches, progress reaching the total', async () => {
    const lines = ['标题,客户,客户等级,数量'];
    for (let i = 1; i <= 2000; i++)
      lines.push(`Ticket ${i},BULK-${i % 7},普通,${i % 250 === 0 ? 'many' : i}`);
    const file = Buffer.from(lines.join('\n'));
    const before = await count(h, 'records');

    // Over HTTP: awaited through the job registry.
    const job = await importFile(file);
    expect(job).toMatchObject({ status: 'done', total: 2000, done: 2000, percent: 100 });
    expect(job.result).toMatchObject({ imported: 1992, failed: 8 });
    expect(
      job.issues.filter((i: { row: number | null }) => i.row !== null).map((i: { row: number }) => i.row),
    ).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000].map((n) => n + 1));
    expect((await count(h, 'records')) - before).toBe(1992);

    // Directly, watching each batch commit (dry run, so nothing more is stored).
    const queued = await startImportJob(h.runtime, {
      formKey: 'sla-ticket',
      file: Buffer.from('标题\nfirst'),
      format: 'csv',
      dryRun: true,
      actor: { id: designer.user.id },
    });
    await waitForJob(queued.id);
    const seen: number[] = [];
    const direct = await runImportJob(h.runtime, queued.id, {
      formKey: 'sla-ticket',
      file,
      format: 'csv',
      dryRun: true,
      actor: { id: designer.user.id },
      batchSize: 500,
      onBatch: async ({ done, total }) => {
        const row = await h.db.knex('jobs').where({ id: queued.id }).first();
        expect([Number(row.done), Number(row.total)]).toEqual([done, total]);
        seen.push(done);
      },
    });
    expect(seen).toEqual([500, 1000, 1500, 2000]);
    expect(direct).toMatchObject({
      status: 'done',
      done: 2000,
      total: 2000,
      result: { imported: 1992, failed: 8 },
    });
    expect((await count(h, 'records')) - before).toBe(1992);
  }, 120_000);

  it('caps the stored issues and counts the rest', async () => {
    const lines = ['标题,数量'];
    for (let i = 1; i <= 1100; i++) lines.push(`T${i},x`);
    const job = await importFile(Buffer.from(lines.join('\n')), { query: '?dryRun=1' });
    expect(job.issues).toHaveLength(1000);
    expect(job.result).toMatchObject({ imported: 0, failed: 1100, issuesOmitted: 100 });
  });

  it('refuses callers without the role or the scope', async () => {
    const file = fixture('tickets-zh.csv');
    expect((await sendFile(h, file)).status).toBe(401);
    const asAgent = await sendFile(h, file, { headers: agent.headers });
    expect([asAgent.status, asAgent.body.error.code]).toEqual([403, 'forbidden']);

    const readOnly = await createApiToken(h.runtime, designer.user.id, {
      name: 'ro',
      scopes: ['records:read'],
    });
    const noScope = await sendFile(h, file, { headers: { authorization: `Bearer ${readOnly.token}` } });
    expect([noScope.status, noScope.body.error.code]).toEqual([403, 'insufficient-scope']);

    const writer = await createApiToken(h.runtime, designer.user.id, {
      name: 'rw',
      scopes: ['records:write'],
    });
    const ok = await sendFile(h, file, {
      query: '?dryRun=1',
      headers: { authorization: `Bearer ${writer.token}` },
    });
    expect(ok.status).toBe(202);
    await waitForJob(ok.body.job.id);

    // Admin passes the role check; the job is readable by its creator and an admin only.
    const byAdmin = await sendFile(h, file, { query: '?dryRun=true', headers: admin.headers });
    expect(byAdmin.status).toBe(202);
    await waitForJob(byAdmin.body.job.id);
    const url = `/api/jobs/${ok.body.job.id}`;
    expect((await h.request({ method: 'GET', url })).status).toBe(401);
    expect((await h.request({ method: 'GET', url, headers: manager.headers })).status).toBe(404);
    expect((await h.request({ method: 'GET', url, headers: designer.headers })).status).toBe(200);
    expect((await h.request({ method: 'GET', url, headers: admin.headers })).status).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/jobs/nope', headers: admin.headers })).status).toBe(
      404,
    );
  });

  it('names the problem with a file it cannot read', async () => {
    const notXlsx = await sendFile(h, 'just some text', { type: XLSX, headers: designer.headers });
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([400, 'unreadable-file']);
    expect(notXlsx.body.error.message).toContain('XLSX');

    const empty = await sendFile(h, '', { headers: designer.headers });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'empty-file']);

    const json = await sendFile(h, '{}', { type: 'application/json', headers: designer.headers });
    expect(json.status).toBe(415);

    const noForm = await sendFile(h, 'a\n1', { form: 'no-such-form', headers: designer.headers });
    expect(noForm.status).toBe(404);

    // A zip that is no workbook, and a CSV with an unterminated quote: the job fails and says why.
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    const zipJob = await importFile(brokenZip, { type: XLSX });
    expect(zipJob).toMatchObject({ status: 'failed', done: 0, result: { imported: 0 } });
    expect(zipJob.issues).toEqual([expect.objectContaining({ row: null, code: 'not-xlsx' })]);
    expect(zipJob.issues[0].message).toMatch(/XLSX workbook cannot be read/);

    const csvJob = await importFile('标题,描述\nok,"never closed\n');
    expect(csvJob).toMatchObject({ status: 'failed', result: { imported: 0 } });
    expect(csvJob.issues).toEqual([expect.objectContaining({ code: 'bad-csv' })]);
    expect(csvJob.issues[0].message).toMatch(/malformed/);

    const nothingMatches = await importFile('colour,size\nred,L\n');
    expect(nothingMatches).toMatchObject({ status: 'failed' });
    expect(nothingMatches.issues.map((i: { code: string }) => i.code)).toEqual([
      'unknown-column',
      'unknown-column',
      'missing-column',
      'no-matching-columns',
    ]);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.alloc(DEFAULT_IMPORT_LIMIT + 1, 0x61);
    const res = await sendFile(h, big, { headers: designer.headers });
    expect([res.status, res.body.error.code]).toEqual([413, 'too-large']);
  });
});
