/**
 * The records behind a clicked chart point, on both databases: a Pareto bar lists exactly its
 * complaints, a month of a line exactly the records of that local month (Asia/Shanghai vs UTC),
 * shared filters narrow, a join with several matches lists each record once, `total` counts past
 * `limit`, a read-own agent sees only their own, and bad requests are refused naming the bad part.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { createUserAndLogin, type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from './report-harness';

const label = (en: string) => ({ en, 'zh-CN': en });

const COMPLAINT_FORM = {
  key: 'complaint',
  title: label('Complaint'),
  fields: [
    {
      key: 'category',
      type: 'select',
      label: label('Category'),
      options: [
        { value: 'screen', label: label('Screen') },
        { value: 'battery', label: label('Battery') },
      ],
    },
    { key: 'subject', type: 'text', label: label('Subject') },
  ],
};

const SURVEY_FORM = {
  key: 'survey',
  title: label('Survey'),
  fields: [
    { key: 'ticket', type: 'text', label: label('Ticket') },
    { key: 'rating', type: 'rating', label: label('Rating') },
  ],
};

const PARETO = {
  key: 'complaint-pareto',
  title: label('Complaint Pareto'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'category' }],
  measures: [{ kpi: 'pareto', as: 'complaints' }],
  chart: { type: 'pareto', x: 'category', y: 'complaints' },
};

const MONTHLY = {
  key: 'monthly',
  title: label('Complaints by month'),
  source: { form: 'complaint' },
  dimensions: [{ field: 'createdAt', grain: 'month', as: 'month' }],
  measures: [{ op: 'count', as: 'n' }],
  chart: { type: 'line', x: 'month', y: 'n' },
};

const CSAT = {
  key: 'csat-by-category',
  title: label('CSAT by category'),
  source: { form: 'complaint', join: { form: 'survey', on: { source: 'id', joined: 'ticket' } } },
  dimensions: [{ field: 'category' }],
  measures: [{ kpi: 'csat', field: 'survey.rating', as: 'csat' }],
};

describe.each(DIALECTS)('records behind a chart point on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  let manager: TestLogin;
  let ann: TestLogin;
  let bob: TestLogin;

  useReportHarness(
    dialect,
    async (harness) => {
      manager = await createUserAndLogin(harness, { username: 'mia', roles: ['manager'] });
      ann = await createUserAndLogin(harness, { username: 'ann', roles: ['agent'] });
      bob = await createUserAndLogin(harness, { username: 'bob', roles: ['agent'] });
      const store = new DefinitionStore(harness.runtime);
      for (const form of [COMPLAINT_FORM, SURVEY_FORM]) {
        await store.saveDraft('form', form.key, form, 'admin');
        await store.publish('form', form.key, 'admin');
      }
      for (const report of [PARETO, MONTHLY, CSAT]) {
        await store.saveDraft('report', report.key, report, 'admin');
        await store.publish('report', report.key, 'admin');
      }
      const complaint = (
        id: string,
        at: string,
        category: string | null,
        extra: { team?: string; created_by?: string; assignee?: string } = {},
      ) => ({
        id,
        form_key: 'complaint',
        form_version: 1,
        revision: 1,
        stage: 'accept',
        team: extra.team ?? 'north',
        created_by: extra.created_by ?? null,
        assignee: extra.assignee ?? null,
        data: JSON.stringify({ category, subject: `about ${id}` }),
        created_at: Date.parse(at),
        updated_at: Date.parse(at),
      });
      const survey = (id: string, ticket: string, rating: number) => ({
        id,
        form_key: 'survey',
        form_version: 1,
        revision: 1,
        data: JSON.stringify({ ticket, rating }),
        created_at: Date.parse('2026-11-10T00:00:00Z'),
        updated_at: Date.parse('2026-11-10T00:00:00Z'),
      });
      await harness.db.knex('records').insert([
        // 23:30 on 31 October in Shanghai (15:30 UTC): October either way.
        complaint('c1', '2026-10-31T15:30:00Z', 'screen', { assignee: ann.user.id }),
        // 00:10 on 1 November in Shanghai, still 31 October in UTC.
        complaint('c2', '2026-10-31T16:10:00Z', 'screen', { team: 'south', created_by: bob.user.id }),
        complaint('c3', '2026-10-15T04:00:00Z', 'battery'),
        complaint('c4', '2026-10-10T04:00:00Z', 'screen', { created_by: ann.user.id }),
        complaint('c5', '2026-11-05T04:00:00Z', 'battery', { team: 'south' }),
        // 00:10 on 1 October in Shanghai, 30 September in UTC.
        complaint('c6', '2026-09-30T16:10:00Z', 'screen', { team: 'south' }),
        complaint('c7', '2026-11-20T04:00:00Z', null),
        survey('s1', 'c1', 5),
        survey('s2', 'c1', 2),
        survey('s3', 'c4', 4),
      ]);
    },
    (harness, login) => {
      h = harness;
      viewer = login;
    },
  );

  const behind = (as: TestLogin | { authorization: string }, payload: unknown) =>
    h.request({
      method: 'POST',
      url: '/api/reports/records',
      headers: 'headers' in as ? as.headers : as,
      payload: payload as string,
    });
  const idsOf = (body: { records: { id: string }[] }) => body.records.map((r) => r.id);

  it('a Pareto bar: exactly the screen complaints, newest first, with their current data', async () => {
    const report = await h.request({
      method: 'GET',
      url: '/api/reports/complaint-pareto/data',
      headers: manager.headers,
    });
    const screen = report.body.rows.find((r: { category: string }) => r.category === 'screen');
    const res = await behind(manager, { report: 'complaint-pareto', point: { category: 'screen' } });
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(['c2', 'c1', 'c4', 'c6']);
    expect(res.body.total).toBe(screen.complaints);
    expect(res.body.limit).toBe(100);
    expect(res.body.records[0]).toEqual({
      id: 'c2',
      form: 'complaint',
      stage: 'accept',
      assignee: null,
      createdAt: '2026-10-31T16:10:00.000Z',
      updatedAt: '2026-10-31T16:10:00.000Z',
      data: { category: 'screen', subject: 'about c2' },
    });
    // The "(empty)" bar: complaints without a category.
    const empty = await behind(manager, { report: 'complaint-pareto', point: { category: null } });
    expect(idsOf(empty.body)).toEqual(['c7']);
  });

  it('a month of a line: the records of that local month in the report’s zone', async () => {
    const october = await behind(manager, { report: 'monthly', point: { month: '2026-10-01' } });
    expect(october.status).toBe(200);
    // c1 at 23:30 on the last local day belongs; c2 at 00:10 on 1 November does not; c6 at 00:10 on 1 October does.
    expect(idsOf(october.body)).toEqual(['c1', 'c3', 'c4', 'c6']);
    const utc = { ...MONTHLY, key: 'monthly-utc', timezone: 'UTC' };
    const octoberUtc = await behind(manager, { spec: utc, point: { month: '2026-10-01' } });
    expect(octoberUtc.status).toBe(200);
    expect(idsOf(octoberUtc.body)).toEqual(['c2', 'c1', 'c3', 'c4']);
  });

  it('shared filters narrow the records behind the point', async () => {
    const res = await behind(manager, {
      report: 'complaint-pareto',
      point: { category: 'screen' },
      sharedFilters: [
        { field: 'team', op: 'in', value: ['north'] },
        { field: 'createdAt', op: 'between', value: ['2026-10-01', '2026-10-31'] },
      ],
    });
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(['c1', 'c4']);
  });

  it('a join with several matches lists each source record once', async () => {
    const res = await behind(manager, { report: 'csat-by-category', point: { category: 'screen' } });
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(['c2', 'c1', 'c4', 'c6']);
    expect(res.body.total).toBe(4);
  });

  it('total counts every record behind the point while the list stops at limit', async () => {
    const res = await behind(manager, { report: 'complaint-pareto', point: {}, limit: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 7, limit: 2 });
    expect(idsOf(res.body)).toEqual(['c7', 'c5']);
  });

  it('an agent who may read only their own sees (and counts) only those', async () => {
    const res = await behind(ann, { report: 'complaint-pareto', point: { category: 'screen' } });
    expect(res.status).toBe(200);
    // c1 is assigned to Ann, c4 created by her.
    expect(idsOf(res.body)).toEqual(['c1', 'c4']);
    expect(res.body.total).toBe(2);
    const mine = await behind(bob, { report: 'complaint-pareto', point: { category: 'screen' } });
    expect(idsOf(mine.body)).toEqual(['c2']);
  });

  it('refuses callers without read permission on the form, and tokens without records:read', async () => {
    const res = await behind(viewer, { report: 'complaint-pareto', point: { category: 'screen' } });
    expect(res.status).toBe(403);
    const token = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: manager.headers,
      payload: { name: 'bi', scopes: ['reports:read'] },
    });
    expect(token.status).toBe(201);
    const bearer = { authorization: `Bearer ${token.body.token as string}` };
    const scoped = await behind(bearer, { report: 'complaint-pareto', point: { category: 'screen' } });
    expect(scoped.status).toBe(403);
    expect(scoped.body.error.code).toBe('insufficient-scope');
  });

  it('refuses bad requests naming the bad part', async () => {
    const unknownKey = await behind(manager, {
      report: 'complaint-pareto',
      point: { category: 'screen', complaints: 3 },
    });
    expect(unknownKey.status).toBe(422);
    expect(unknownKey.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/point/complaints']);

    const badFilters = await behind(manager, {
      report: 'complaint-pareto',
      point: { category: 'screen' },
      sharedFilters: [
        { field: 'nosuchfield', op: 'eq', value: 1 },
        { field: 'team', op: 'between', value: ['a'] },
      ],
    });
    expect(badFilters.status).toBe(422);
    const paths = badFilters.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p: string) => p.startsWith('/sharedFilters/1'))).toBe(true);
    const unknownField = await behind(manager, {
      report: 'complaint-pareto',
      point: {},
      sharedFilters: [{ field: 'nosuchfield', op: 'eq', value: 1 }],
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      '/sharedFilters/0/field',
    ]);

    const both = await behind(manager, { report: 'monthly', spec: MONTHLY, point: {} });
    expect(both.status).toBe(422);
    expect(both.body.error.issues[0].path).toBe('/spec');
    const neither = await behind(manager, { point: {} });
    expect(neither.status).toBe(422);
    expect(neither.body.error.issues[0].path).toBe('/report');

    const badSpec = await behind(manager, {
      spec: { ...MONTHLY, measures: [{ op: 'sum', field: 'nosuchfield', as: 'x' }] },
      point: {},
    });
    expect(badSpec.status).toBe(422);
    expect(badSpec.body.error.issues.map((i: { path: string }) => i.path)).toContain(
      '/spec/measures/0/field',
    );

    const badBucket = await behind(manager, { report: 'monthly', point: { month: '2026-10' }, limit: 501 });
    expect(badBucket.status).toBe(422);
    expect(badBucket.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      '/point/month',
      '/limit',
    ]);

    const missing = await behind(manager, { report: 'no-such-report', point: {} });
    expect(missing.status).toBe(404);
  });
});
