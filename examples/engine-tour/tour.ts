/**
 * @module The engine tour: one after-sales app bundle taken through the four engines in memory — a
 * ticket form validates a submission, the ticket walks its SOP stages with SLA deadlines on the
 * mainland-China 2026 calendar (across the 国庆 holiday), a threshold rule fires once for its model
 * and month, and a Pareto report of categories becomes a chart option. `npm run tour` prints it; a test
 * runs it and checks the facts it reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chartOption,
  compileForm,
  compileReport,
  createFlow,
  dryRunRule,
  evaluatePlan,
  toLocalDate,
  toWallTime,
  validateDefinition,
  weekdayOf,
  type AppBundle,
  type FlowSnapshot,
  type ReportDefinition,
  type RuleRecord,
} from '../../engine';

export interface TourFacts {
  bundleIssues: number;
  /** Issue paths of the invalid submission. */
  rejectedPaths: string[];
  /** Due instants (ISO) of each stage's SLA clock, in the order the ticket met them. */
  stageDeadlines: { stage: string; due: string }[];
  finalStage: string;
  firings: { key: string; records: number; createdTitle: unknown }[];
  pareto: { category: string; count: number; cumulativeShare: number }[];
}

/** `2026-10-08 10:15 (Thu)` in Asia/Shanghai, how the team reads a deadline. */
function shanghaiTime(iso: string): string {
  const w = toWallTime(Date.parse(iso), 'Asia/Shanghai');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][
    weekdayOf(toLocalDate(Date.parse(iso), 'Asia/Shanghai'))
  ];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)} (${day})`;
}

export function loadTourBundle(): AppBundle {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'after-sales.app.json'), 'utf8')) as AppBundle;
}

/** Runs the tour; `print` receives the lines a person reads. */
export function runTour(print: (line: string) => void = () => {}): TourFacts {
  const bundle = loadTourBundle();
  const [ticketForm] = bundle.forms ?? [];
  const [flowDef] = bundle.flows ?? [];
  const [rule] = bundle.rules ?? [];
  const [report] = (bundle.reports ?? []) as ReportDefinition[];
  if (!ticketForm || !flowDef || !rule || !report)
    throw new Error('the tour bundle lacks a form, flow, rule or report');

  // 1. The bundle passes the same checks the runtime applies before saving.
  const bundleIssues = validateDefinition('app', bundle);
  print(
    `① App bundle "${bundle.key}": ${bundleIssues.length === 0 ? 'valid' : `${bundleIssues.length} issues`}`,
  );
  for (const issue of bundleIssues) print(`   ${issue.path}: ${issue.message}`);

  // 2. A submission with a bad value is refused with messages naming the field; a good one passes.
  const form = compileForm(ticketForm);
  const bad = form.validate(
    { customer: 'C-1001', tier: 'gold', channel: 'phone', model: 'X200' },
    { locale: 'zh-CN' },
  );
  print(`② 提交校验 (zh-CN): ${bad.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  const submission = {
    customer: 'C-1001',
    tier: 'vip',
    priority: 'high',
    channel: 'wechat',
    model: 'X200',
    category: 'screen',
    detail: 'Screen flickers after the update / 升级后屏幕闪烁',
  };
  const good = form.validate(submission);
  print(`   Valid submission accepted: ${good.ok}`);

  // 3. The ticket walks its SOP; deadlines count business time on the CN 2026 calendar.
  const flow = createFlow(flowDef);
  const stageDeadlines: TourFacts['stageDeadlines'] = [];
  const noteDeadlines = (
    effects: { type: string; event?: unknown; clock?: string; due?: string | null; stage?: string }[],
  ) => {
    for (const e of effects) {
      if (e.type === 'sla' && e.event === 'started' && e.due && e.stage && e.clock !== 'resolution-sla') {
        stageDeadlines.push({ stage: e.stage, due: e.due });
        print(`   ${e.stage.padEnd(9)} SLA "${e.clock}" due ${shanghaiTime(e.due)}`);
      }
    }
  };
  print('③ SOP with SLA on the mainland-China 2026 calendar (submitted Wed 30 Sep 17:40, before 国庆):');
  const started = flow.start(
    { data: good.value, tier: 'vip', priority: 'high' },
    new Date('2026-09-30T17:40:00+08:00'),
  );
  noteDeadlines(started.effects);
  let snapshot: FlowSnapshot = started.snapshot;
  const steps: [string, string, Record<string, unknown>?][] = [
    ['2026-09-30T17:45:00+08:00', 'ACCEPT'],
    ['2026-10-08T10:00:00+08:00', 'DIAGNOSED', { severity: 's2', complexity: 'medium' }],
    ['2026-10-08T15:00:00+08:00', 'PLANNED', { solution: 'Replace the display module' }],
    [
      '2026-10-09T11:00:00+08:00',
      'VERIFIED',
      { fixReport: 'Display replaced, tested 2 h', fixVerified: true },
    ],
    ['2026-10-09T16:00:00+08:00', 'CLOSE', { satisfaction: 5 }],
  ];
  for (const [at, type, data] of steps) {
    const result = flow.send(snapshot, { type, ...(data ? { data } : {}) }, new Date(at));
    if (!result.ok) throw new Error(`${type} refused: ${result.issues.map((i) => i.message).join('; ')}`);
    snapshot = result.snapshot;
    noteDeadlines(result.effects);
  }
  print(`   Final stage: ${snapshot.stage}`);

  // 4. Twelve screen failures for X200 in October: the rule fires once, on the tenth.
  const records: RuleRecord[] = Array.from({ length: 12 }, (_, i) => ({
    id: `T-${i + 1}`,
    form: 'ticket',
    data: { ...submission, customer: `C-${2000 + i}` },
    createdAt: new Date(Date.UTC(2026, 9, 2 + i * 2, 3)).toISOString(),
  }));
  const dry = dryRunRule(rule, records, {
    from: '2026-10-01T00:00:00+08:00',
    to: '2026-11-01T00:00:00+08:00',
  });
  const firings = dry.firings.map((f) => ({
    key: f.key,
    records: f.records.length,
    createdTitle: f.actions.find((a) => a.type === 'create-record')?.data?.title,
  }));
  print(`④ Rule "${rule.key}" dry run over 12 October tickets: ${firings.length} firing(s)`);
  for (const f of firings) print(`   ${f.key} — ${f.records} records → R&D task "${String(f.createdTitle)}"`);

  // 5. A Pareto of categories: the plan the runtime turns into SQL, here run by the engine's
  // in-memory reference evaluator over the October tickets and a few others.
  const plan = compileReport(report);
  const others = ['battery', 'battery', 'battery', 'noise', 'software', 'battery', 'noise'].map(
    (category, i) => ({
      id: `T-${100 + i}`,
      form: 'ticket',
      createdAt: '2026-10-20T02:00:00Z',
      data: { ...submission, category },
    }),
  );
  const rows = evaluatePlan(plan, { records: [...records.map((r) => ({ ...r })), ...others] });
  const option = report.chart
    ? (chartOption(report.chart, rows, 'en', plan.outputs) as { series?: { type?: string }[] })
    : {};
  const pareto = rows.map((r) => ({
    category: String(r.category),
    count: Number(r.tickets),
    cumulativeShare: Number(r.tickets_cumulative_share),
  }));
  print(
    `⑤ Pareto of ${records.length + others.length} tickets by category (${option.series?.map((s) => s.type).join(' + ')}):`,
  );
  for (const p of pareto) {
    print(
      `   ${p.category.padEnd(10)} ${String(p.count).padStart(3)}  cumulative ${p.cumulativeShare.toFixed(1)} %`,
    );
  }

  return {
    bundleIssues: bundleIssues.length,
    rejectedPaths: bad.issues.map((i) => i.path),
    stageDeadlines,
    finalStage: snapshot.stage,
    firings,
    pareto,
  };
}
