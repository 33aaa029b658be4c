/**
 * @module The sample cases a template carries beside it (`templates/<name>.cases.json`) and how they run
 * through the engine: submissions checked by the compiled form, flow walks stepped with an injected
 * clock (events, refusals, SLA timers coming back), and the stage graph of every flow. A template that
 * builds on another (a survey of the ticket app's tickets) names it in `requires`: its references are
 * resolved against that template, which the runtime imports first. Rule cases live in `rule-cases.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  bundleContext,
  compileForm,
  createFlow,
  type AppBundle,
  type DefinitionContext,
  type CalendarDefinition,
  type FlowDefinition,
  type FlowEffect,
  type FlowSnapshot,
  type ScheduleTimerEffect,
} from '../../engine';
import { isFinalStage, stageTransitions } from '../../engine/flows/flow-structure';
import type { RuleCase } from './rule-cases';

export const TEMPLATES_DIR = join(import.meta.dirname, '../../templates');

export interface SubmissionCase {
  name: string;
  /** Another form of the template (reference data); default: the cases' `form`. */
  form?: string;
  data: Record<string, unknown>;
  /** The submission must pass (`value`: fields the settled data must hold, e.g. defaults). */
  valid?: true;
  value?: Record<string, unknown>;
  /** The submission must be refused with exactly these issues (order ignored). */
  refused?: { path: string; code: string }[];
}

/** `due`: clock → the instant its latest reading in the step must be due (any ISO form). */
type Dues = Record<string, string>;

export interface EventStep {
  at: string;
  event: string;
  data?: Record<string, unknown>;
  roles?: string[];
  priority?: string;
  tier?: string;
  stage?: string;
  due?: Dues;
  /** Names of the `action` effects the step must return, in order. */
  actions?: string[];
  refused?: string;
  /** Issue paths of the refusal. */
  issues?: string[];
}

/** An SLA timer the flow scheduled comes back at its due instant (`firesAt`, checked). */
export interface TimerStep {
  timer: 'warning' | 'breach';
  clock: string;
  fraction?: number;
  firesAt: string;
  stage?: string;
  actions?: string[];
}

export interface WalkCase {
  name: string;
  start: { at: string; submission: string; data?: Record<string, unknown>; stage: string; due?: Dues };
  steps: (EventStep | TimerStep)[];
  /** The stage the walk must end in (a final one). */
  final?: string;
}

export interface RuntimeCase {
  submission: string;
  /**
   * A submission case of the template's customer form, stored first: its record id becomes the
   * submission's `customer` (a customer field with a `source` names a stored customer record).
   */
  customer?: string;
  /** Fields left out for the runtime (attachments that were never uploaded there). */
  without?: string[];
  at: string;
  roles: string[];
  /** The stage the submission starts in; `null` for a form no flow moves. */
  stage: string | null;
  due?: Dues;
}

export interface TemplateCases {
  template: string;
  /** Keys of the templates this one refers to (their forms, flows); imported before it. */
  requires?: string[];
  form: string;
  /** The flow the walks step; required when the bundle has flows. */
  flow?: string;
  submissions: SubmissionCase[];
  walks?: WalkCase[];
  /** Rules evaluated or dry-run through the engine (`rule-cases.ts`). */
  rules?: RuleCase[];
  runtime: RuntimeCase;
}

export interface Template {
  file: string;
  bundle: AppBundle;
  cases: TemplateCases;
}

/** Every `templates/*.app.json` with its `*.cases.json` (a template without cases is an error). */
export function loadTemplates(): Template[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.app.json'))
    .sort()
    .map((file) => {
      const casesFile = join(TEMPLATES_DIR, file.replace(/\.app\.json$/, '.cases.json'));
      if (!existsSync(casesFile)) throw new Error(`template ${file} has no sample cases (${casesFile})`);
      const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
      return {
        file,
        bundle: read(join(TEMPLATES_DIR, file)) as AppBundle,
        cases: read(casesFile) as TemplateCases,
      };
    });
}

const iso = (instant: string) => new Date(instant).toISOString();

/** Stages reachable from the initial one, and stages from which some final stage is reachable. */
export function stageGraph(def: FlowDefinition): {
  stages: string[];
  finals: string[];
  reachable: Set<string>;
  canFinish: Set<string>;
} {
  const states = def.machine.states;
  const stages = Object.keys(states);
  const finals = stages.filter((s) => isFinalStage(states[s]!));
  const edges = stages.flatMap((s) =>
    stageTransitions(s, states[s]!).flatMap((t) => (t.target ? [[s, t.target] as const] : [])),
  );
  const closure = (seeds: string[], next: (s: string) => string[]) => {
    const seen = new Set(seeds);
    const queue = [...seeds];
    for (let s = queue.shift(); s !== undefined; s = queue.shift())
      for (const n of next(s)) if (!seen.has(n)) (queue.push(n), seen.add(n));
    return seen;
  };
  return {
    stages,
    finals,
    reachable: closure([def.machine.initial], (s) => edges.filter(([a]) => a === s).map(([, b]) => b)),
    canFinish: closure(finals, (s) => edges.filter(([, b]) => b === s).map(([a]) => a)),
  };
}

/** The templates `t` requires, in the order given (unknown keys are an error). */
export function requiredTemplates(t: Template, all: readonly Template[]): Template[] {
  return (t.cases.requires ?? []).map((key) => {
    const found = all.find((other) => other.bundle.key === key);
    if (!found) throw new Error(`${t.file} requires the template ${key}, which is not in templates/`);
    return found;
  });
}

/** What a template's references may resolve to outside it: the templates it requires, as if stored. */
export function requiredContext(t: Template, all: readonly Template[]): DefinitionContext | undefined {
  return requiredTemplates(t, all).reduceRight<DefinitionContext | undefined>(
    (outer, required) => bundleContext(required.bundle, outer),
    undefined,
  );
}

export function formOf(t: Template, key = t.cases.form, all: readonly Template[] = []) {
  const def =
    t.bundle.forms?.find((f) => f.key === key) ??
    requiredTemplates(t, all)
      .flatMap((r) => r.bundle.forms ?? [])
      .find((f) => f.key === key);
  if (!def) throw new Error(`${t.file}: no form ${key}`);
  return compileForm(def);
}

export function submissionData(t: Template, name: string): Record<string, unknown> {
  const found = t.cases.submissions.find((s) => s.name === name);
  if (!found) throw new Error(`${t.file}: no submission named "${name}"`);
  if (found.form !== undefined && found.form !== t.cases.form)
    throw new Error(`${t.file}: the submission "${name}" is for ${found.form}, not ${t.cases.form}`);
  return structuredClone(found.data);
}

/** Checks one sample submission; `all` resolves a form of a required template (the quality app's tickets). */
export function checkSubmission(t: Template, s: SubmissionCase, all: readonly Template[] = []): void {
  const result = formOf(t, s.form, all).validate(s.data);
  if (s.refused) {
    expect(result.ok).toBe(false);
    const got = result.issues.map((i) => ({ path: i.path, code: i.code }));
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(got.sort(byPath)).toEqual([...s.refused].sort(byPath));
    for (const issue of result.issues) expect(issue.message).not.toBe('');
  } else {
    expect(result.issues).toEqual([]);
    if (s.value) expect(result.value).toMatchObject(s.value);
  }
}

function expectDues(effects: FlowEffect[], dues: Dues | undefined, where: string): void {
  for (const [clock, due] of Object.entries(dues ?? {})) {
    const readings = effects.filter(
      (e): e is Extract<FlowEffect, { type: 'sla' }> =>
        e.type === 'sla' && e.clock === clock && e.due !== null,
    );
    expect(readings.at(-1)?.due, `${where}: due of ${clock}`).toBe(iso(due));
  }
}

const actionNames = (effects: FlowEffect[]) => effects.flatMap((e) => (e.type === 'action' ? [e.name] : []));

/** Runs one walk through the engine: each step's stage, refusals, SLA dues and escalation actions. */
export function runWalk(t: Template, walk: WalkCase): void {
  const def = t.bundle.flows?.find((f) => f.key === t.cases.flow);
  if (!def) throw new Error(`${t.file}: no flow ${t.cases.flow}`);
  const calendars = Object.fromEntries(
    (t.bundle.calendars ?? []).map((c: CalendarDefinition) => [c.key as string, c]),
  );
  const flow = createFlow(def, { calendars });
  const checked = formOf(t).validate({ ...submissionData(t, walk.start.submission), ...walk.start.data });
  expect(checked.issues, 'the walk starts from a valid submission').toEqual([]);
  const data = checked.value;
  const context = {
    data,
    ...(typeof data.tier === 'string' ? { tier: data.tier } : {}),
    ...(typeof data.priority === 'string' ? { priority: data.priority } : {}),
  };
  const started = flow.start(context, new Date(walk.start.at));
  expect(started.snapshot.stage, 'start').toBe(walk.start.stage);
  expectDues(started.effects, walk.start.due, 'start');

  const timers = new Map<string, ScheduleTimerEffect>();
  const track = (effects: FlowEffect[]) => {
    for (const e of effects) {
      if (e.type === 'schedule-timer') timers.set(e.id, e);
      if (e.type === 'cancel-timer') timers.delete(e.id);
    }
  };
  track(started.effects);
  let snapshot: FlowSnapshot = started.snapshot;

  walk.steps.forEach((step, index) => {
    const where = `step ${index + 1} (${'event' in step ? step.event : `${step.clock} ${step.timer}`})`;
    if ('timer' in step) {
      const type = step.timer === 'breach' ? 'sla.breach' : 'sla.warning';
      const timer = [...timers.values()].find(
        (e) =>
          e.event.type === type &&
          'clock' in e.event &&
          e.event.clock === step.clock &&
          (step.fraction === undefined || e.event.fraction === step.fraction),
      );
      expect(timer, `${where}: a pending timer`).toBeDefined();
      expect(timer!.due, `${where}: fires at`).toBe(iso(step.firesAt));
      const result = flow.send(snapshot, timer!.event, new Date(timer!.due));
      expect(result.ok && result.ignored, `${where}: handled`).toBe(undefined);
      if (!result.ok) return;
      timers.delete(timer!.id);
      track(result.effects);
      snapshot = result.snapshot;
      if (step.stage) expect(snapshot.stage, where).toBe(step.stage);
      if (step.actions) expect(actionNames(result.effects), `${where}: actions`).toEqual(step.actions);
      return;
    }
    const { at, event, roles, refused, issues, stage, due, actions, ...rest } = step;
    const sent = { type: event, ...rest };
    const result = flow.send(snapshot, sent, new Date(at), roles ? { roles } : {});
    if (refused) {
      expect(result.ok ? 'accepted' : result.reason, where).toBe(refused);
      if (!result.ok && issues)
        expect(
          result.issues.map((i) => i.path),
          where,
        ).toEqual(issues);
      return;
    }
    expect(result.ok ? [] : result.issues.map((i) => i.message), `${where}: accepted`).toEqual([]);
    if (!result.ok) return;
    track(result.effects);
    snapshot = result.snapshot;
    if (stage) expect(snapshot.stage, where).toBe(stage);
    expectDues(result.effects, due, where);
    if (actions) expect(actionNames(result.effects), `${where}: actions`).toEqual(actions);
  });

  if (walk.final) {
    expect(snapshot.stage).toBe(walk.final);
    expect(snapshot.status).toBe('done');
  }
}
