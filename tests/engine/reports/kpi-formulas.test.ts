/**
 * KPI presets computed on constructed data with known answers, by evaluating the compiled plan in a
 * in-memory reference evaluator (engine/reports/evaluate-plan.ts) that knows no KPI — proof that the plan
 * spells every rule out for the runtime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileReport } from '../../../engine/reports/compile-report';
import { KPI_PRESETS } from '../../../engine/reports/kpis/index';
import type { ReportDefinition } from '../../../engine/reports/report-definition.schema';
import type { ReportMeasure } from '../../../engine/reports/report-measure.schema';
import { evaluatePlan, type PlanRecord, type PlanStore } from '../../../engine/reports/evaluate-plan';
import { reportContext, SERVICE_FORMS } from '../../helpers/report-context';

const { lookup } = reportContext(SERVICE_FORMS);

function report(measures: ReportMeasure[], extra: Partial<ReportDefinition> = {}): ReportDefinition {
  return { key: 'k', title: { en: 'K' }, source: { form: 'ticket' }, measures, ...extra };
}

let seq = 0;
function ticket(data: Record<string, unknown> = {}, system: Partial<PlanRecord> = {}): PlanRecord {
  seq += 1;
  return {
    id: `t${seq}`,
    form: 'ticket',
    createdAt: '2025-03-01T00:00:00.000Z',
    resolvedAt: null,
    customer: 'c1',
    data,
    ...system,
  };
}

function run(spec: ReportDefinition, store: PlanStore, params = {}) {
  return evaluatePlan(compileReport(spec, { fields: lookup }), store, params);
}

describe('KPI formulas on known data', () => {
  it('NPS over [10, 9, 8, 7, 6, 0] is (2 − 2) ÷ 6 × 100 = 0; over [10, 10, 0, 9] it is 50', () => {
    const spec = report([{ kpi: 'nps', field: 'likelihood', as: 'nps' }]);
    const rows = run(spec, { records: [10, 9, 8, 7, 6, 0].map((s) => ticket({ likelihood: s })) });
    expect(rows).toEqual([{ nps: 0 }]);
    expect(run(spec, { records: [10, 10, 0, 9].map((s) => ticket({ likelihood: s })) })[0]!.nps).toBe(50);
  });

  it('NPS ignores unanswered surveys and is NULL (not 0) with no answers', () => {
    const spec = report([{ kpi: 'nps', field: 'likelihood', as: 'nps' }]);
    expect(run(spec, { records: [ticket({ likelihood: 10 }), ticket({})] })[0]!.nps).toBe(100);
    expect(run(spec, { records: [ticket({})] })[0]!.nps).toBeNull();
  });

  it('NPS always equals %promoters − %detractors and stays within −100 … 100', () => {
    const spec = report([{ kpi: 'nps', field: 'likelihood', as: 'nps' }]);
    const plan = compileReport(spec, { fields: lookup });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 40 }), (scores) => {
        const nps = evaluatePlan(plan, { records: scores.map((s) => ticket({ likelihood: s })) })[0]!
          .nps as number;
        const pct = (n: number) => (n / scores.length) * 100;
        expect(nps).toBeCloseTo(
          pct(scores.filter((s) => s >= 9).length) - pct(scores.filter((s) => s <= 6).length),
          9,
        );
        expect(nps).toBeGreaterThanOrEqual(-100);
        expect(nps).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('CSAT over [5, 4, 3] is 66.7 % with a mean of 4, read from the joined surveys', () => {
    const spec = report([{ kpi: 'csat', field: 'survey.rating', as: 'csat' }], {
      source: { form: 'ticket', join: { form: 'survey', on: { source: 'id', joined: 'ticket' } } },
    });
    const tickets = [ticket(), ticket(), ticket(), ticket()];
    const surveys = [5, 4, 3].map((rating, i) => ({
      id: `s${i}`,
      form: 'survey',
      createdAt: '2025-03-02T00:00:00Z',
      data: { ticket: tickets[i]!.id, rating },
    }));
    const [row] = run(spec, { records: [...tickets, ...surveys] });
    expect(row!.csat).toBeCloseTo(66.667, 2);
    expect(row!.csat_mean).toBe(4);
  });

  it('CES is the mean answer; its direction follows the wording of the scale', () => {
    const easy = { kpi: 'ces', field: 'effort', as: 'ces' } as const;
    const [row] = run(report([easy]), { records: [7, 5, 3].map((e) => ticket({ effort: e })) });
    expect(row!.ces).toBe(5);
    expect(KPI_PRESETS.ces.better(easy)).toBe('higher');
    expect(KPI_PRESETS.ces.better({ ...easy, highMeans: 'effort' })).toBe('lower');
  });

  it('FRT from a field: mean and median minutes from creation to the first response', () => {
    const created = '2025-03-01T01:00:00.000Z';
    const records = [10, 20, 90].map((m) =>
      ticket(
        { firstResponseAt: new Date(Date.parse(created) + m * 60_000).toISOString() },
        { createdAt: created },
      ),
    );
    expect(
      run(report([{ kpi: 'frt', response: { field: 'firstResponseAt' }, as: 'frt' }]), { records })[0]!.frt,
    ).toBe(40);
    expect(
      run(report([{ kpi: 'frt', response: { field: 'firstResponseAt' }, statistic: 'p50', as: 'frt' }]), {
        records,
      })[0]!.frt,
    ).toBe(20);
  });

  it('FRT from events counts only the first public, human reply', () => {
    const t = ticket({}, { createdAt: '2025-03-01T00:00:00.000Z' });
    const events = [
      {
        recordId: t.id,
        type: 'reply',
        at: '2025-03-01T00:01:00.000Z',
        payload: { visibility: 'public', actorKind: 'system' },
      },
      {
        recordId: t.id,
        type: 'reply',
        at: '2025-03-01T00:05:00.000Z',
        payload: { visibility: 'internal', actorKind: 'human' },
      },
      {
        recordId: t.id,
        type: 'reply',
        at: '2025-03-01T00:30:00.000Z',
        payload: { visibility: 'public', actorKind: 'human' },
      },
      {
        recordId: t.id,
        type: 'reply',
        at: '2025-03-01T02:00:00.000Z',
        payload: { visibility: 'public', actorKind: 'human' },
      },
    ];
    expect(
      run(report([{ kpi: 'frt', response: { event: 'reply' }, as: 'frt' }]), { records: [t], events })[0]!
        .frt,
    ).toBe(30);
  });

  it('resolution time subtracts paused SLA time; business minutes come from completed clocks', () => {
    const t = ticket({}, { createdAt: '2025-03-01T00:00:00.000Z', resolvedAt: '2025-03-01T10:00:00.000Z' });
    const open = ticket({});
    const sla_clocks = [
      { recordId: t.id, stage: 'accept', state: 'met', pausedWallMinutes: 0, businessElapsedMinutes: 15 },
      {
        recordId: t.id,
        stage: 'execute',
        state: 'breached',
        pausedWallMinutes: 120,
        businessElapsedMinutes: 300,
      },
      {
        recordId: open.id,
        stage: 'accept',
        state: 'running',
        pausedWallMinutes: 0,
        businessElapsedMinutes: 5,
      },
    ];
    const [row] = run(report([{ kpi: 'resolution_time', as: 'ttr' }]), { records: [t, open], sla_clocks });
    expect(row).toEqual({ ttr: 600 - 120, ttr_business: 315 });
  });

  it('AHT is the mean worked minutes of resolved tickets only', () => {
    const done = { resolvedAt: '2025-03-02T00:00:00Z' };
    const records = [
      ticket({ workMinutes: 30 }, done),
      ticket({ workMinutes: 50 }, done),
      ticket({ workMinutes: 500 }),
    ];
    expect(run(report([{ kpi: 'aht', field: 'workMinutes', as: 'aht' }]), { records })[0]!.aht).toBe(40);
  });

  it('FCR: one contact and never reopened, among resolved tickets', () => {
    const done = { resolvedAt: '2025-03-02T00:00:00Z' };
    const firstContact = ticket({ contacts: 1 }, done);
    const twoContacts = ticket({ contacts: 2 }, done);
    const reopened = ticket({ contacts: 1 }, done);
    const unresolved = ticket({ contacts: 1 });
    const record_revisions = [
      { recordId: reopened.id, revision: 1, at: '2025-03-01T05:00:00Z', resolvedAt: '2025-03-01T05:00:00Z' },
      { recordId: reopened.id, revision: 2, at: '2025-03-01T09:00:00Z', resolvedAt: null },
      { recordId: reopened.id, revision: 3, at: '2025-03-02T00:00:00Z', resolvedAt: '2025-03-02T00:00:00Z' },
    ];
    const [row] = run(report([{ kpi: 'fcr', contacts: { field: 'contacts' }, as: 'fcr' }]), {
      records: [firstContact, twoContacts, reopened, unresolved],
      record_revisions,
    });
    expect(row!.fcr).toBeCloseTo(100 / 3, 6);
  });

  it('SLA attainment: met ÷ (met + breached), running and cancelled clocks excluded, per tier', () => {
    const vip = ticket({ customerTier: 'vip' });
    const std = ticket({ customerTier: 'standard' });
    const clock = (recordId: string, state: string, stage = 'diagnose') => ({ recordId, stage, state });
    const sla_clocks = [
      clock(vip.id, 'met'),
      clock(vip.id, 'met'),
      clock(vip.id, 'breached'),
      clock(vip.id, 'running'),
      clock(vip.id, 'cancelled'),
      clock(std.id, 'breached'),
      clock(std.id, 'met', 'accept'),
    ];
    const spec = report([{ kpi: 'sla_attainment', as: 'sla' }], {
      dimensions: [{ field: 'customerTier', sort: 'desc' }],
    });
    const rows = run(spec, { records: [vip, std], sla_clocks });
    expect(rows).toEqual([
      { customerTier: 'vip', sla: (2 / 3) * 100 },
      { customerTier: 'standard', sla: 50 },
    ]);
    const diagnoseOnly = run(report([{ kpi: 'sla_attainment', stage: 'diagnose', as: 'sla' }]), {
      records: [vip, std],
      sla_clocks,
    });
    expect(diagnoseOnly[0]!.sla).toBe(50);
  });

  it('reopen rate: reopened within N days of the resolution ÷ tickets resolved', () => {
    const rev = (recordId: string, revision: number, at: string, resolvedAt: string | null) => ({
      recordId,
      revision,
      at,
      resolvedAt,
    });
    const quick = ticket({}, { resolvedAt: '2025-03-05T00:00:00Z' });
    const late = ticket({}, { resolvedAt: '2025-04-01T00:00:00Z' });
    const stillOpen = ticket({});
    const clean1 = ticket({}, { resolvedAt: '2025-03-02T00:00:00Z' });
    const record_revisions = [
      rev(quick.id, 1, '2025-03-02T00:00:00Z', '2025-03-02T00:00:00Z'),
      rev(quick.id, 2, '2025-03-04T00:00:00Z', null),
      rev(late.id, 1, '2025-03-02T00:00:00Z', '2025-03-02T00:00:00Z'),
      rev(late.id, 2, '2025-03-20T00:00:00Z', null),
      rev(stillOpen.id, 1, '2025-03-02T00:00:00Z', '2025-03-02T00:00:00Z'),
      rev(stillOpen.id, 2, '2025-03-03T00:00:00Z', null),
    ];
    const [row] = run(report([{ kpi: 'reopen_rate', withinDays: 7, as: 'reopen' }]), {
      records: [quick, late, stillOpen, clean1],
      record_revisions,
    });
    // Resolved at some point: all four; reopened within 7 days: quick and stillOpen.
    expect(row!.reopen).toBe(50);
  });

  it('recurrence: same customer, serial and category resolved within 30 days before ÷ resolved', () => {
    const first = ticket(
      { serial: 'SN1', category: 'screen' },
      { customer: 'acme', createdAt: '2025-03-01T00:00:00Z', resolvedAt: '2025-03-03T00:00:00Z' },
    );
    const again = ticket(
      { serial: 'SN1', category: 'screen' },
      { customer: 'acme', createdAt: '2025-03-20T00:00:00Z', resolvedAt: '2025-03-21T00:00:00Z' },
    );
    const otherFault = ticket(
      { serial: 'SN1', category: 'battery' },
      { customer: 'acme', createdAt: '2025-03-22T00:00:00Z', resolvedAt: '2025-03-23T00:00:00Z' },
    );
    const tooLate = ticket(
      { serial: 'SN1', category: 'screen' },
      { customer: 'acme', createdAt: '2025-06-01T00:00:00Z', resolvedAt: '2025-06-02T00:00:00Z' },
    );
    const spec = report([
      { kpi: 'recurrence', match: ['serial', 'category'], withinDays: 30, as: 'recurrence' },
    ]);
    expect(run(spec, { records: [first, again, otherFault, tooLate] })[0]!.recurrence).toBe(25);
  });

  it('backlog at a point in time, by age bucket', () => {
    const asOf = '2025-03-10T00:00:00.000Z';
    const records = [
      ticket({}, { createdAt: '2025-03-09T12:00:00Z', team: 'a' }), // 0.5 d
      ticket({}, { createdAt: '2025-03-07T00:00:00Z', team: 'a' }), // 3 d
      ticket({}, { createdAt: '2025-01-01T00:00:00Z', resolvedAt: '2025-03-11T00:00:00Z', team: 'a' }), // open then, 68 d
      ticket({}, { createdAt: '2025-01-01T00:00:00Z', resolvedAt: '2025-03-01T00:00:00Z', team: 'a' }), // resolved before
      ticket({}, { createdAt: '2025-03-11T00:00:00Z', team: 'a' }), // not yet created
    ];
    const spec = report([{ kpi: 'backlog', ageBucketDays: [1, 7], as: 'open' }], {
      dimensions: [{ field: 'team' }],
    });
    expect(run(spec, { records }, { asOf })).toEqual([
      { team: 'a', open: 3, open_lt_1d: 1, open_1d_7d: 1, open_ge_7d: 1 },
    ]);
  });

  it('Pareto: counts sorted descending, cumulative share ending at 100 %', () => {
    const cats = [
      'screen',
      'screen',
      'screen',
      'screen',
      'battery',
      'battery',
      'noise',
      'screen',
      'battery',
      'hinge',
    ];
    const spec = report([{ kpi: 'pareto', as: 'n' }], { dimensions: [{ field: 'category' }] });
    const rows = run(spec, { records: cats.map((c) => ticket({ category: c })) });
    expect(rows.map((r) => [r.category, r.n, r.n_cumulative_share])).toEqual([
      ['screen', 5, 50],
      ['battery', 3, 80],
      ['noise', 1, 90],
      ['hinge', 1, 100],
    ]);
  });

  it('plain measures: ratio, percentile with a where, count of a field, monthly buckets in Asia/Shanghai', () => {
    const records = [
      ticket({ category: 'screen', workMinutes: 10 }, { createdAt: '2025-01-31T17:00:00Z', stage: 'open' }), // 1 Feb in Shanghai
      ticket({ category: 'screen', workMinutes: 20 }, { createdAt: '2025-02-10T00:00:00Z', stage: 'open' }),
      ticket(
        { category: 'battery', workMinutes: 30 },
        { createdAt: '2025-02-11T00:00:00Z', stage: 'closed' },
      ),
      ticket({ category: 'noise' }, { createdAt: '2025-01-31T15:00:00Z', stage: 'open' }), // still January
    ];
    const spec = report(
      [
        { op: 'ratio', where: [{ field: 'category', op: 'eq', value: 'screen' }], as: 'screen_share' },
        {
          op: 'p50',
          field: 'workMinutes',
          where: [{ field: 'stage', op: 'ne', value: 'closed' }],
          as: 'work',
        },
        { op: 'count', field: 'workMinutes', as: 'with_work' },
      ],
      { dimensions: [{ field: 'createdAt', grain: 'month' }] },
    );
    expect(run(spec, { records })).toEqual([
      { createdAt: '2025-01-01', screen_share: 0, work: null, with_work: 0 },
      { createdAt: '2025-02-01', screen_share: (2 / 3) * 100, work: 15, with_work: 3 },
    ]);
  });

  it('a dashboard date range on a date-only bound covers the whole local day', () => {
    const records = [
      ticket({}, { createdAt: '2025-03-31T15:59:00Z' }), // 23:59 on 31 Mar in Shanghai
      ticket({}, { createdAt: '2025-03-31T16:00:00Z' }), // 00:00 on 1 Apr
      ticket({}, { createdAt: '2025-02-28T16:00:00Z' }), // 00:00 on 1 Mar
    ];
    const spec = report([{ op: 'count', as: 'n' }], {
      filters: [{ field: 'createdAt', op: 'between', value: ['2025-03-01', '2025-03-31'] }],
    });
    expect(run(spec, { records })[0]!.n).toBe(2);
  });

  it('every preset declares its formula in both languages and which way is better', () => {
    // One object carrying every preset's required inputs stands in for each KPI's measure.
    const sample = {
      as: 'x',
      field: 'f',
      match: ['serial'],
      response: { field: 'f' },
      contacts: { field: 'f' },
    };
    for (const preset of Object.values(KPI_PRESETS)) {
      const formula = preset.formula({ ...sample, kpi: preset.key } as never);
      expect(formula.en, preset.key).toMatch(/\S{3}/);
      expect(formula['zh-CN'], preset.key).toMatch(/[\u4e00-\u9fff]/);
      expect(['higher', 'lower']).toContain(preset.better({ ...sample, kpi: preset.key } as never));
    }
  });
});
