/**
 * Every template in `templates/` is a fixture (STYLE.md 12): for each `*.app.json` — strict validation of
 * the whole bundle (references outside it resolved against the templates it `requires`, as importApp
 * resolves them against what is stored), bilingual labels, every flow's final stages reachable and no
 * stage that cannot finish, its sample cases (`*.cases.json`: submissions, flow walks, rule
 * evaluations and dry runs) run through the engine, and one sample record submitted to a real runtime
 * on SQLite after importing the templates it requires and then the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileReport, validateDefinition } from '../../engine';
import { importApp } from '../../runtime/apps/import-app';
import { createUserAndLogin, startHarness, type Harness } from '../helpers/runtime-harness';
import { runRuleCase } from './rule-cases';
import {
  checkSubmission,
  loadTemplates,
  requiredContext,
  requiredTemplates,
  runWalk,
  stageGraph,
  submissionData,
  type Template,
} from './template-cases';

const templates = loadTemplates();

it('finds the templates', () => {
  expect(templates.map((t) => t.file)).toContain('after-sales-ticket.app.json');
});

/** Pointers to bilingual texts missing a language, and labelled things without a label. */
function untranslated(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => untranslated(v, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length > 0 && keys.every((k) => k === 'zh-CN' || k === 'en')) {
    return ['zh-CN', 'en']
      .filter((l) => typeof object[l] !== 'string' || object[l] === '')
      .map((l) => `${path} (${l})`);
  }
  return keys.flatMap((k) => untranslated(object[k], `${path}/${k}`));
}

function unlabelled(t: Template): string[] {
  const out: string[] = [];
  const fields = (list: unknown[], path: string): void =>
    list.forEach((f, i) => {
      const field = f as { label?: unknown; fields?: unknown[]; options?: { label?: unknown }[] };
      if (!field.label) out.push(`${path}/${i}`);
      field.options?.forEach((o, j) => !o.label && out.push(`${path}/${i}/options/${j}`));
      if (field.fields) fields(field.fields, `${path}/${i}/fields`);
    });
  t.bundle.forms?.forEach((form, i) => {
    if (!form.title) out.push(`/forms/${i}`);
    fields(form.fields, `/forms/${i}/fields`);
  });
  t.bundle.flows?.forEach((flow, i) =>
    Object.entries(flow.machine.states).forEach(
      ([stage, config]) => !config.meta?.label && out.push(`/flows/${i}/machine/states/${stage}`),
    ),
  );
  t.bundle.roles?.forEach((role, i) => !role.title && out.push(`/roles/${i}`));
  for (const part of ['rules', 'reports'] as const)
    (t.bundle[part] ?? []).forEach((d, i) => !d.title && out.push(`/${part}/${i}`));
  return out;
}

describe.each(templates.map((t) => [t.file, t] as const))('template %s', (_file, t) => {
  it('validates strictly as an app bundle, references resolved inside it', () => {
    const context = requiredContext(t, templates);
    expect(validateDefinition('app', t.bundle, { context })).toEqual([]);
    expect(validateDefinition('app', t.bundle, { context, locale: 'zh-CN' })).toEqual([]);
    expect(t.cases.template).toBe(t.bundle.key);
  });

  it.runIf((t.cases.requires ?? []).length > 0)(
    'refers outside itself only to the templates it requires, and cannot be checked without them',
    () => {
      expect(validateDefinition('app', t.bundle).map((i) => i.code)).toContain('unknown-form');
    },
  );

  it('keeps its keys apart from every other template and the engine tour', () => {
    const tour = ['ticket', 'rd-task', 'ticket-sop', 'screen-failure-threshold', 'category-pareto'];
    const mine = (b: typeof t.bundle) =>
      (['forms', 'flows', 'rules', 'reports', 'dashboards'] as const).flatMap((part) =>
        (b[part] ?? []).map((d) => d.key as string),
      );
    const others = new Set([...tour, ...templates.filter((o) => o !== t).flatMap((o) => mine(o.bundle))]);
    expect(mine(t.bundle).filter((key) => others.has(key))).toEqual([]);
  });

  it.each((t.bundle.reports ?? []).map((r) => [r.key, r] as const))(
    'report %s compiles to a query plan',
    (_key, report) => {
      expect(compileReport(report).outputs.length).toBeGreaterThan(0);
    },
  );

  it('has every text in zh-CN and en, and a label on every field, option, stage and role', () => {
    expect(untranslated(t.bundle)).toEqual([]);
    expect(unlabelled(t)).toEqual([]);
  });

  it.each((t.bundle.flows ?? []).map((f) => [f.key, f] as const))(
    'flow %s: every final stage is reachable and every stage can still finish',
    (_key, flow) => {
      const graph = stageGraph(flow);
      expect(graph.finals.length).toBeGreaterThan(0);
      expect(graph.stages.filter((s) => !graph.reachable.has(s))).toEqual([]);
      expect(graph.stages.filter((s) => !graph.canFinish.has(s))).toEqual([]);
    },
  );

  it('has sample submissions that pass and ones that are refused', () => {
    expect(t.cases.submissions.some((s) => s.valid)).toBe(true);
    expect(t.cases.submissions.some((s) => s.refused)).toBe(true);
  });

  it.each(t.cases.submissions.map((s) => [s.name, s] as const))('submission: %s', (_name, s) =>
    checkSubmission(t, s, templates),
  );

  it('walks its flow to every final stage in its sample cases (a template with flows names one)', () => {
    if ((t.bundle.flows ?? []).length === 0) return expect(t.cases.flow).toBeUndefined();
    const flow = t.bundle.flows?.find((f) => f.key === t.cases.flow);
    expect(flow).toBeDefined();
    const reached = new Set((t.cases.walks ?? []).map((w) => w.final));
    expect(stageGraph(flow!).finals.filter((s) => !reached.has(s))).toEqual([]);
  });

  it.each((t.cases.walks ?? []).map((w) => [w.name, w] as const))('walk: %s', (_name, walk) =>
    runWalk(t, walk),
  );

  it.each((t.cases.rules ?? []).map((c) => [c.name, c] as const))('rule: %s', (_name, c) =>
    runRuleCase(t, templates, c),
  );

  describe('in a runtime on SQLite', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness('sqlite', t.cases.runtime.at);
    });
    afterAll(() => h?.close());

    it('imports, and accepts a sample submission through POST /api/forms/:key/records', async () => {
      for (const required of requiredTemplates(t, templates))
        await importApp(h.runtime, required.bundle, null);
      const imported = await importApp(h.runtime, t.bundle, null);
      expect(imported.app).toBe(t.bundle.key);
      const user = await createUserAndLogin(h, { username: 'template-user', roles: t.cases.runtime.roles });
      const data = submissionData(t, t.cases.runtime.submission);
      for (const key of t.cases.runtime.without ?? []) delete data[key];
      const customerCase = t.cases.submissions.find((c) => c.name === t.cases.runtime.customer);
      if (customerCase) {
        const stored = await h.request({
          method: 'POST',
          url: `/api/forms/${customerCase.form}/records`,
          headers: user.headers,
          payload: { data: customerCase.data },
        });
        expect(stored.status, stored.text).toBe(201);
        data.customer = stored.body.id;
      }
      const res = await h.request({
        method: 'POST',
        url: `/api/forms/${t.cases.form}/records`,
        headers: user.headers,
        payload: { data },
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.stage).toBe(t.cases.runtime.stage);
      for (const [clock, due] of Object.entries(t.cases.runtime.due ?? {})) {
        const reading = (res.body.sla as { clock: string; due: string | null }[]).find(
          (c) => c.clock === clock,
        );
        expect(reading?.due, clock).toBe(new Date(due).toISOString());
      }
      const refused = await h.request({
        method: 'POST',
        url: `/api/forms/${t.cases.form}/records`,
        headers: user.headers,
        payload: { data: t.cases.submissions.find((s) => s.refused)!.data },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.issues.length).toBeGreaterThan(0);
    });

    it('runs every report and dashboard of the bundle in SQL, shared filters applied', async () => {
      const admin = await createUserAndLogin(h, { username: 'template-admin', roles: ['admin'] });
      for (const report of t.bundle.reports ?? []) {
        const res = await h.request({
          method: 'GET',
          url: `/api/reports/${report.key}/data`,
          headers: admin.headers,
        });
        expect(res.status, `${report.key}: ${res.text}`).toBe(200);
        expect(res.body.outputs.length, report.key).toBeGreaterThan(0);
      }
      for (const dashboard of t.bundle.dashboards ?? []) {
        // Every shared filter set: a date range, and the first choice of each select.
        const values = Object.fromEntries(
          (dashboard.filters ?? []).map((f) => [
            f.key,
            f.kind === 'dateRange'
              ? { from: '2026-01-01', to: '2026-12-31' }
              : (f.options ?? ['x']).slice(0, 1),
          ]),
        );
        const filters = encodeURIComponent(JSON.stringify(values));
        const url = `/api/dashboards/${dashboard.key}/data?filters=${filters}`;
        const res = await h.request({ method: 'GET', url, headers: admin.headers });
        expect(res.status, `${dashboard.key}: ${res.text}`).toBe(200);
        const cards = res.body.cards as { report: string; error: unknown }[];
        expect(cards.filter((c) => c.error !== null)).toEqual([]);
        expect(cards.map((c) => c.report)).toEqual(dashboard.cards.map((c) => c.report));
      }
    });
  });
});
