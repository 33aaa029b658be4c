/** A whole app moves in and out as one bundle: all of it or nothing, and back out as it came in. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppBundle } from '../../../engine';
import { exportApp } from '../../../runtime/apps/export-app';
import { importApp } from '../../../runtime/apps/import-app';
import {
  startHarness,
  type Harness,
  createUserAndLogin,
  type TestLogin,
} from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';

const tour = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

/** A fresh copy to spoil. */
const copy = (): any => structuredClone(tour);

describe.each(DIALECTS)('app bundles on %s', (dialect) => {
  let h: Harness;
  let designer: TestLogin;
  /** The last event of signing in. */
  let signedIn = 0;
  beforeAll(async () => {
    h = await startHarness(dialect);
    designer = await createUserAndLogin(h, { username: 'designer', roles: ['designer'] });
    signedIn = Number((await h.db.knex('events').max({ id: 'id' }))[0]!.id);
  });
  afterAll(() => h?.close());

  /** Rows of `table`; for `events`, those after signing in. */
  const count = async (table: string) =>
    Number(
      (
        await h.db
          .knex(table)
          .modify((q) => {
            if (table === 'events') q.where('id', '>', signedIn);
          })
          .count({ n: '*' })
      )[0]!.n,
    );
  const publishedVersions = async () =>
    (await h.db.knex('definitions').where('version', '>', 0).orderBy(['kind', 'key', 'version']))
      .map((r) => `${r.kind}:${r.key}@${r.version}`)
      .join(' ');
  const importBundle = (payload: unknown) =>
    h.request({
      headers: designer.headers,
      method: 'POST',
      url: '/api/apps/import',
      payload: payload as object,
    });

  it('refuses an invalid bundle with issues pointing into it, storing nothing', async () => {
    const bad = copy();
    bad.flows[0].machine.states.accept.meta.requiredFields = ['category', 'colour'];
    const res = await importBundle(bad);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        code: 'unknown-required-field',
        path: '/flows/0/machine/states/accept/meta/requiredFields/1',
      }),
    ]);
    for (const table of ['definitions', 'apps', 'app_roles', 'events'])
      expect([table, await count(table)]).toEqual([table, 0]);
    expect(
      (await h.request({ headers: designer.headers, method: 'GET', url: '/api/forms/ticket' })).status,
    ).toBe(404);
    expect(
      (await h.request({ headers: designer.headers, method: 'GET', url: `/api/apps/${tour.key}/export` }))
        .status,
    ).toBe(404);
  });

  it('refuses a bundle whose frame is wrong, or a role defined twice', async () => {
    const wrongFormat = await importBundle({ ...copy(), format: 'something-else' });
    expect(wrongFormat.status).toBe(422);
    expect(wrongFormat.body.error.issues.map((i: any) => i.path)).toContain('/format');

    const twice = copy();
    twice.roles.push({ key: 'agent' });
    const res = await importBundle(twice);
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-role', path: '/roles/5/key' }),
    ]);

    expect((await importBundle([tour])).status).toBe(400);
    expect(await count('definitions')).toBe(0);
  });

  it('imports the tour: every part published as version 1 and tagged with the app', async () => {
    const res = await importBundle(tour);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      app: 'after-sales-tour',
      imported: {
        calendars: [],
        forms: [
          { key: 'ticket', version: 1, changed: true },
          { key: 'rd-task', version: 1, changed: true },
        ],
        flows: [{ key: 'ticket-sop', version: 1, changed: true }],
        rules: [{ key: 'screen-failure-threshold', version: 1, changed: true }],
        reports: [{ key: 'category-pareto', version: 1, changed: true }],
        dashboards: [],
      },
      roles: ['agent', 'engineer', 'field_engineer', 'manager', 'rd-lead'],
    });
    const form = await h.request({ headers: designer.headers, method: 'GET', url: '/api/forms/ticket' });
    expect(form.body).toMatchObject({ version: 1, status: 'published', app: 'after-sales-tour' });
    expect(await h.db.knex('definitions').whereNull('app').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await h.db.knex('definitions').where({ version: 0 }).count({ n: '*' })).toEqual([{ n: 0 }]);
    const manager = await h.db.knex('app_roles').where({ app: 'after-sales-tour', key: 'manager' }).first();
    expect(manager.position).toBe(3);
  });

  it('re-importing the same bundle creates no new versions', async () => {
    const before = await publishedVersions();
    const res = await importBundle(tour);
    expect(res.status).toBe(201);
    expect(res.body.imported.forms).toEqual([
      { key: 'ticket', version: 1, changed: false },
      { key: 'rd-task', version: 1, changed: false },
    ]);
    expect(await publishedVersions()).toBe(before);
    expect(await count('app_roles')).toBe(5);
  });

  it('exports the bundle as it was imported, and the export imports back without new versions', async () => {
    const res = await h.request({
      headers: designer.headers,
      method: 'GET',
      url: '/api/apps/after-sales-tour/export',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="after-sales-tour.app.json"');
    expect(res.body).toEqual(tour);
    const before = await publishedVersions();
    const again = await importBundle(res.body);
    expect(again.status).toBe(201);
    expect(await publishedVersions()).toBe(before);
  });

  it('answers an unknown app with 404', async () => {
    const res = await h.request({
      headers: designer.headers,
      method: 'GET',
      url: '/api/apps/nothing/export',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
  });

  it('keeps a part edited on its own in the app, and exports its new version', async () => {
    const form = { ...(tour.forms![1] as object), title: { 'zh-CN': '研发任务', en: 'R&D task' } };
    expect(
      (
        await h.request({
          headers: designer.headers,
          method: 'PUT',
          url: '/api/forms/rd-task',
          payload: form,
        })
      ).status,
    ).toBe(200);
    const published = await h.request({
      headers: designer.headers,
      method: 'POST',
      url: '/api/forms/rd-task/publish',
    });
    expect(published.body).toMatchObject({ version: 2, app: 'after-sales-tour' });
    const exported = await exportApp(h.runtime, 'after-sales-tour');
    expect(exported.forms!.map((f) => [f.key, f.title?.en])).toEqual([
      ['ticket', tour.forms![0]!.title?.en],
      ['rd-task', 'R&D task'],
    ]);
    // Importing the original again brings the original back as a new version.
    const res = await importBundle(tour);
    expect(res.body.imported.forms[1]).toEqual({ key: 'rd-task', version: 3, changed: true });
  });

  it('lets a part the bundle no longer lists leave the app, still stored', async () => {
    const smaller = { ...copy(), reports: [] };
    expect((await importBundle(smaller)).status).toBe(201);
    const exported = await exportApp(h.runtime, 'after-sales-tour');
    expect(exported).toEqual(smaller);
    const report = await h.request({
      headers: designer.headers,
      method: 'GET',
      url: '/api/reports/category-pareto',
    });
    expect(report.body).toMatchObject({ version: 1, app: null });
    expect((await importBundle(tour)).status).toBe(201);
    expect(await exportApp(h.runtime, 'after-sales-tour')).toEqual(tour);
  });

  it("refuses a bundle that would take over another app's definitions with 409", async () => {
    const other = { ...copy(), key: 'other-app', flows: [], rules: [], reports: [], roles: [] };
    const res = await importBundle(other);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('app-conflict');
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(['/forms/0/key', '/forms/1/key']);
    expect(await h.db.knex('apps').pluck('key')).toEqual(['after-sales-tour']);
  });

  it('stores nothing when an import fails midway', async () => {
    const before = await publishedVersions();
    const eventsBefore = await count('events');
    const bundle = copy();
    bundle.forms[0].title = { en: 'Ticket, renamed' };
    bundle.reports[0].title = { en: 'Pareto, renamed' };
    // The database goes away after the ticket form is saved and published: nothing of the import may stay.
    let reads = 0;
    const failing = {
      ...h.runtime,
      clock: {
        now: () => {
          if (++reads > 2) throw new Error('connection lost');
          return h.clock.now();
        },
      },
    };
    await expect(importApp(failing, bundle, 'admin')).rejects.toThrow('connection lost');
    expect(reads).toBe(3);
    expect(await publishedVersions()).toBe(before);
    expect(await count('events')).toBe(eventsBefore);
    expect(await h.db.knex('definitions').where({ version: 0 }).count({ n: '*' })).toEqual([{ n: 0 }]);
    const form = await h.request({ headers: designer.headers, method: 'GET', url: '/api/forms/ticket' });
    expect(form.body.body.title).toEqual(tour.forms![0]!.title);
  });
});
