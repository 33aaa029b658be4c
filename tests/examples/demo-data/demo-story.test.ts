/**
 * @module The improvement story's plan (`demo-story.ts`): deterministic; every record it submits and
 * the data after every step validate with the engine's compiled forms of the defect and RCA templates;
 * every step walks the template's flow with the sender's role; the steps come in the story's order
 * (the rule fired → triage → root cause → fix → go-live → verification after the after window); and the
 * faster service after go-live touches only the tickets in scope.
 */
import { describe, expect, it } from 'vitest';
import {
  compileForm,
  createFlow,
  type AppBundle,
  type FlowDefinition,
  type FormDefinition,
} from '../../../engine';
import { createDemoPlan, DEFAULT_PLAN_OPTIONS } from '../../../examples/demo-data/demo-plan';
import { demoPeriodEndingAt } from '../../../examples/demo-data/demo-period';
import {
  COMPLAINT_FORM,
  PRODUCT_LINE_FORM,
  planStory,
  RD_TASK_FORM,
  STORY_WINDOW_DAYS,
  thresholdCrossedAt,
  verificationData,
  type StoryStep,
} from '../../../examples/demo-data/demo-story';
import { DEMO_USERS } from '../../../examples/demo-data/demo-users';
import defectJson from '../../../templates/after-sales-defect.app.json';
import rcaJson from '../../../templates/after-sales-rca.app.json';

const NOW = Date.parse('2026-11-24T08:30:00Z');
const period = demoPeriodEndingAt(NOW);
if ('skipped' in period) throw new Error(period.skipped);
const options = { ...DEFAULT_PLAN_OPTIONS, ...period, tickets: 1_500, minThreshold: 10 };
const plan = createDemoPlan(options);
const story = planStory(plan);

const defect = defectJson as unknown as AppBundle;
const rca = rcaJson as unknown as AppBundle;
const formOf = (bundle: AppBundle, key: string) =>
  compileForm(bundle.forms!.find((f) => f.key === key) as FormDefinition);
const flowOf = (bundle: AppBundle, form: string) =>
  createFlow(bundle.flows!.find((f) => f.form === form) as FlowDefinition);

/** Walks the steps through the form and the flow, as the runtime would check them. */
function walk(
  bundle: AppBundle,
  form: string,
  submission: Record<string, unknown>,
  at: number,
  steps: StoryStep[],
) {
  const compiled = formOf(bundle, form);
  const flow = flowOf(bundle, form);
  let checked = compiled.validate(submission, { now: new Date(at) });
  expect(checked.issues, `${form} submission`).toEqual([]);
  let data = checked.value;
  let { snapshot } = flow.start({ data }, new Date(at));
  for (const step of steps) {
    if (step.data) {
      checked = compiled.validate({ ...data, ...step.data }, { now: new Date(step.at) });
      expect(checked.issues, `${form} ${step.event}`).toEqual([]);
      data = checked.value;
    }
    const result = flow.send(
      snapshot,
      { type: step.event, ...(step.data ? { data: step.data } : {}) },
      new Date(step.at),
      { roles: [step.role] },
    );
    expect(
      result.ok ? 'ok' : `${result.reason} ${JSON.stringify(result.issues)}`,
      `${form} ${step.event}`,
    ).toBe('ok');
    if (result.ok) snapshot = result.snapshot;
  }
  return snapshot.stage;
}

describe('the improvement story plan', () => {
  it('is deterministic', () => {
    expect(planStory(createDemoPlan(options))).toEqual(story);
  });

  it('names only demo users holding the roles the templates ask for', () => {
    const roles = new Map(DEMO_USERS.map((u) => [u.username, u.roles as string[]]));
    for (const line of story.productLines) {
      expect(roles.get(line.owner)).toContain('product_owner');
      expect(roles.get(line.rdLead)).toContain('rd_engineer');
    }
    for (const step of [...story.rdTask.steps, ...story.complaint!.steps])
      expect(
        [...roles.values()].some((r) => r.includes(step.role)),
        step.event,
      ).toBe(true);
  });

  it('submits product lines the form accepts, one per line of the ticket form', () => {
    const form = formOf(defect, PRODUCT_LINE_FORM);
    for (const line of story.productLines) expect(form.validate({ ...line }).issues).toEqual([]);
    expect(story.productLines.map((l) => l.line)).toEqual(['phone', 'laptop', 'tablet', 'tv', 'smart-home']);
    expect(story.setupAt).toBeLessThan(plan.tickets[0]!.createdAt);
  });

  it("works the rule's R&D task through triage, investigation and fix after the rule fired", () => {
    const fired = thresholdCrossedAt(plan)!;
    expect(fired).not.toBeNull();
    const created = {
      title: `X200 Pro / screen / ${plan.spike.month}`,
      productLine: 'phone',
      model: story.rdTask.model,
      faultCategory: story.rdTask.faultCategory,
      month: story.rdTask.month,
      count: plan.spike.threshold,
    };
    const stage = walk(defect, RD_TASK_FORM, created, fired, story.rdTask.steps);
    expect(stage).toBe('done');
    const times = story.rdTask.steps.map((s) => s.at);
    expect(times[0]!).toBeGreaterThan(fired + 86_400_000);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(story.rdTask.steps.at(-1)!.data!.effectiveDate).toBe(story.goLive);
    expect(times.at(-1)!).toBeLessThan(Date.parse(`${story.goLive}T00:00:00+08:00`));
  });

  it('takes the complaint from intake to verify, executed at go-live, and verified after the after window', () => {
    const complaint = story.complaint!;
    const ticket = plan.tickets[complaint.ticket]!;
    expect(ticket.spike).toBe(true);
    expect(complaint.at).toBeGreaterThan(ticket.createdAt);
    const submission = { ...complaint.submission, customer: 'customer-id', ticket: 'ticket-id' };
    const verification = verificationData({ before: 2300.4, after: 1200.2, pValue: 0.0012, verified: true });
    const steps: StoryStep[] = [
      ...complaint.steps,
      { at: story.verifyAt!, event: 'VERIFIED', role: 'quality_manager', data: verification },
    ];
    expect(walk(rca, COMPLAINT_FORM, submission, complaint.at, steps)).toBe('closed');
    const analysed = complaint.steps.find((s) => s.event === 'ANALYSED')!.data!;
    expect((analysed.whys as unknown[]).length).toBe(5);
    expect(new Set((analysed.fishbone as { category: string }[]).map((f) => f.category)).size).toBe(6);
    const executed = complaint.steps.find((s) => s.event === 'EXECUTED')!;
    expect(executed.data).toMatchObject({
      goLive: story.goLive,
      scopeProductLine: 'phone',
      effectWindowDays: 30,
    });
    const afterWindowEnd = Date.parse(`${story.goLive}T00:00:00+08:00`) + STORY_WINDOW_DAYS * 86_400_000;
    expect(story.verifyAt!).toBeGreaterThanOrEqual(afterWindowEnd);
    expect(story.verifyAt!).toBeLessThan(plan.endsAt);
  });

  it('stays in verify when the demo ends before the after window is over', () => {
    const early = createDemoPlan({ ...options, until: Date.parse('2026-11-10T08:00:00Z') });
    const cut = planStory(early);
    expect(cut.verifyAt).toBeNull();
    expect(cut.waitingFor).toContain('2026-11-14');
    expect(cut.complaint!.steps.at(-1)!.event).toBe('EXECUTED');
  });

  it('serves only the tickets in scope faster, and only from go-live', () => {
    const off = createDemoPlan({ ...options, story: false });
    const goLiveAt = Date.parse(`${story.goLive}T00:00:00+08:00`);
    const inScope = (t: (typeof plan.tickets)[number]) =>
      t.productLine === 'phone' && t.createdAt >= goLiveAt;
    expect(off.tickets.length).toBe(plan.tickets.length);
    const resolution = (t: (typeof plan.tickets)[number]) => {
      const verified = t.steps.find((s) => s.event === 'VERIFIED');
      return verified ? verified.at - t.createdAt : null;
    };
    let faster = 0;
    let scoped = 0;
    for (const [i, t] of plan.tickets.entries()) {
      const o = off.tickets[i]!;
      if (!inScope(t)) {
        expect(t, t.ref).toEqual(o);
        continue;
      }
      scoped += 1;
      // The same life, only sooner: the events agree as far as both got by the plan's end.
      const n = Math.min(t.steps.length, o.steps.length);
      expect(
        t.steps.slice(0, n).map((s) => s.event),
        t.ref,
      ).toEqual(o.steps.slice(0, n).map((s) => s.event));
      const [a, b] = [resolution(t), resolution(o)];
      if (a !== null && b !== null && a < b) faster += 1;
    }
    expect(scoped).toBeGreaterThan(10);
    expect(faster).toBeGreaterThan(scoped / 2);
  });
});
