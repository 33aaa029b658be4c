/**
 * The weighted quality index through the report route on both databases: CSAT from the joined surveys,
 * FCR, on-site punctuality and FRT computed in SQL per team, blended 30 / 25 / 25 / 20 by the engine's
 * post step into the hand-computed score; a team with one KPI only gets that KPI's score (the other
 * weights re-scaled); weights that do not add up to 100 are refused naming the components.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import { type Harness, type TestLogin } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { useReportHarness } from './report-harness';

const T = (en: string) => ({ en, 'zh-CN': en });
const TICKET_FORM = {
  key: 'qticket',
  title: T('Ticket'),
  fields: [
    { key: 'contacts', type: 'integer', label: T('Contacts') },
    { key: 'firstResponseAt', type: 'datetime', label: T('First response') },
    { key: 'visitPromisedAt', type: 'datetime', label: T('Visit promised') },
    { key: 'visitArrivedAt', type: 'datetime', label: T('Arrived') },
  ],
};
const SURVEY_FORM = {
  key: 'qsurvey',
  title: T('Survey'),
  fields: [
    { key: 'ticket', type: 'text', label: T('Ticket') },
    { key: 'csat', type: 'rating', label: T('CSAT') },
  ],
};

const CREATED = Date.parse('2026-10-12T01:00:00Z');
const at = (minutes: number) => new Date(CREATED + minutes * 60_000).toISOString();
const VISIT = '2026-10-13T02:00:00.000Z';
const visit = (lateMinutes: number) => ({
  visitPromisedAt: VISIT,
  visitArrivedAt: new Date(Date.parse(VISIT) + lateMinutes * 60_000).toISOString(),
});

const TICKETS: { id: string; team: string; resolved: boolean; data: Record<string, unknown> }[] = [
  { id: 'n1', team: 'north', resolved: true, data: { contacts: 1, firstResponseAt: at(30), ...visit(-10) } },
  { id: 'n2', team: 'north', resolved: true, data: { contacts: 1, firstResponseAt: at(90) } },
  { id: 'n3', team: 'north', resolved: true, data: { contacts: 2, firstResponseAt: at(60), ...visit(20) } },
  { id: 'n4', team: 'north', resolved: true, data: { contacts: 1, firstResponseAt: at(60), ...visit(0) } },
  { id: 's1', team: 'south', resolved: true, data: { contacts: 1 } },
  { id: 's2', team: 'south', resolved: false, data: {} },
];
const SURVEYS = [
  { ticket: 'n1', csat: 5 },
  { ticket: 'n2', csat: 4 },
  { ticket: 'n3', csat: 3 },
];

const COMPONENTS = [
  { measure: 'csat', weight: 30, worst: 60, best: 95 },
  { measure: 'fcr', weight: 25, worst: 50, best: 90 },
  { measure: 'punctuality', weight: 25, worst: 80, best: 100 },
  { measure: 'frt', weight: 20, worst: 480, best: 30 },
];
const spec = (components = COMPONENTS) => ({
  key: 'quality-by-team',
  title: T('Quality by team'),
  source: {
    form: 'qticket',
    join: { form: 'qsurvey', as: 'survey', on: { source: 'id', joined: 'ticket' }, type: 'left' },
  },
  dimensions: [{ field: 'team' }],
  measures: [
    { kpi: 'csat', field: 'survey.csat', as: 'csat' },
    { kpi: 'fcr', contacts: { field: 'contacts' }, as: 'fcr' },
    { kpi: 'punctuality', promised: 'visitPromisedAt', arrived: 'visitArrivedAt', as: 'punctuality' },
    { kpi: 'frt', response: { field: 'firstResponseAt' }, as: 'frt' },
    { kpi: 'quality_index', as: 'quality', components },
  ],
  sort: [{ by: 'team' }],
});

async function seed(h: Harness): Promise<void> {
  const store = new DefinitionStore(h.runtime);
  for (const form of [TICKET_FORM, SURVEY_FORM]) {
    await store.saveDraft('form', form.key, form, 'admin');
    await store.publish('form', form.key, 'admin');
  }
  const row = (id: string, form: string, data: object, extra: object = {}) => ({
    id,
    form_key: form,
    form_version: 1,
    revision: 1,
    data: JSON.stringify(data),
    created_at: CREATED,
    updated_at: CREATED,
    ...extra,
  });
  await h.db
    .knex('records')
    .insert([
      ...TICKETS.map((t) =>
        row(t.id, 'qticket', t.data, { team: t.team, resolved_at: t.resolved ? CREATED + 86_400_000 : null }),
      ),
      ...SURVEYS.map((s, i) => row(`sv${i}`, 'qsurvey', s)),
    ]);
}

describe.each(DIALECTS)('the weighted quality index on %s', (dialect) => {
  let h: Harness;
  let viewer: TestLogin;
  useReportHarness(dialect, seed, (harness, login) => {
    h = harness;
    viewer = login;
  });
  const query = (body: object) =>
    h.request({ headers: viewer.headers, method: 'POST', url: '/api/reports/query', payload: body });

  it('blends the KPIs computed in SQL into the hand-computed score per team', async () => {
    const res = await query({ spec: spec() });
    expect(res.status, res.text).toBe(200);
    const [north, south] = res.body.rows as Record<string, number | null>[];
    // north: CSAT 2 of 3 answers ≥ 4; FCR 3 of 4 resolved in one contact; 2 of 3 visits on time
    // (10 min early, on the minute; 20 min late); FRT mean (30 + 90 + 60 + 60) ÷ 4 = 60 min.
    expect(north!.csat).toBeCloseTo(200 / 3, 9);
    expect(north!.fcr).toBeCloseTo(75, 9);
    expect(north!.punctuality).toBeCloseTo(200 / 3, 9);
    expect(north!.frt).toBeCloseTo(60, 9);
    // Scores: CSAT (66.7 − 60) ÷ 35 = 19.05; FCR (75 − 50) ÷ 40 = 62.5; punctuality below its worst
    // (80 %) = 0; FRT (480 − 60) ÷ 450 = 93.33 → 0.30 × 19.05 + 0.25 × 62.5 + 0 + 0.20 × 93.33 = 40.01.
    const expected = (30 * (2000 / 105) + 25 * 62.5 + 25 * 0 + 20 * ((420 / 450) * 100)) / 100;
    expect(north!.quality).toBeCloseTo(expected, 9);
    expect(expected).toBeCloseTo(40.006, 3);
    // south: only FCR has data (1 of 1 → 100 %, above its best): its score alone is the index.
    expect(south).toMatchObject({ csat: null, punctuality: null, frt: null, fcr: 100 });
    expect(south!.quality).toBeCloseTo(100, 9);

    const output = (res.body.outputs as { name: string; formula: { en: string } }[]).find(
      (o) => o.name === 'quality',
    )!;
    expect(output.formula.en).toContain('0.30 × csat + 0.25 × fcr + 0.25 × punctuality + 0.20 × frt');
  });

  it('refuses weights that do not add up to 100, naming the components', async () => {
    const res = await query({ spec: spec(COMPONENTS.map((c) => ({ ...c, weight: 20 }))) });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['quality-index-weights-not-100', '/measures/4/components'],
    ]);
  });
});
