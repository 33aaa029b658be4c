/**
 * @module Shared pieces of the flow suites: the fixture flows, scenarios and invalid-definition cases
 * from `tests/fixtures/flows/`, the calendars and definition context they run against, and a scenario
 * runner that can push every snapshot through a JSON round trip as the database would.
 */
import { expect } from 'vitest';
import type { CalendarDefinition } from '../../../engine/calendars/calendar-definition.schema';
import { BUILT_IN_CALENDARS } from '../../../engine/calendars/built-in-calendars';
import type { DefinitionContext, FieldInfo } from '../../../engine/definitions/definition-context';
import type { Locale } from '../../../engine/issues/locale';
import {
  createFlow,
  type Flow,
  type FlowDefinition,
  type FlowEffect,
  type FlowEvent,
  type FlowSnapshot,
  type FlowStartContext,
  type ScheduleTimerEffect,
  type StepResult,
} from '../../../engine/flows';
import { loadFixtures } from '../../helpers/fixtures';

export type ScenarioExpect = {
  ok?: boolean;
  stage?: string;
  status?: 'active' | 'done';
  reason?: string;
  ignored?: string;
  effects?: Record<string, unknown>[];
  absent?: Record<string, unknown>[];
  effectCount?: number;
  issues?: Record<string, unknown>[];
  clocks?: Record<string, unknown>[];
};

export type ScenarioStep = {
  at?: string;
  event?: FlowEvent;
  /** Deliver a timer scheduled earlier in the scenario, at `at` or its due instant. */
  fire?: string;
  roles?: string[];
  locale?: Locale;
  expect: ScenarioExpect;
};

export type Scenario = {
  name: string;
  file: string;
  flow: string;
  calendar: string | CalendarDefinition;
  start: { context: FlowStartContext; at: string; expect?: ScenarioExpect };
  steps: ScenarioStep[];
};

export type InvalidDefinitionCase = {
  name: string;
  file: string;
  base: string;
  set: Record<string, unknown>;
  unset?: string[];
  schema?: boolean;
  issues: Record<string, unknown>[];
};

const STANDARD_CALENDARS: Record<string, CalendarDefinition> = { ...BUILT_IN_CALENDARS };

const all = loadFixtures('flows') as unknown as (Record<string, unknown> & { file: string })[];

/** Fixture flow definitions by file name (`ticket-sop.flow.json`). */
export const fixtureFlows = new Map<string, FlowDefinition>(
  all
    .filter((c) => c.file.endsWith('.flow.json'))
    .map((c) => {
      const { file, ...def } = c;
      return [file.split('/').pop() as string, def as unknown as FlowDefinition];
    }),
);

export const scenarios = all.filter((c) => Array.isArray(c.steps)) as unknown as Scenario[];
export const invalidDefinitions = all.filter(
  (c) => typeof c.base === 'string',
) as unknown as InvalidDefinitionCase[];

export function fixtureFlow(file: string): FlowDefinition {
  const def = fixtureFlows.get(file);
  if (!def) throw new Error(`no fixture flow ${file}`);
  return structuredClone(def);
}

/** The calendars a scenario runs with: its named or inline calendar under the flow's key, plus the standard ones. */
export function calendarsFor(
  def: FlowDefinition,
  calendar: string | CalendarDefinition,
): Record<string, CalendarDefinition> {
  const chosen = typeof calendar === 'string' ? STANDARD_CALENDARS[calendar] : calendar;
  if (!chosen) throw new Error(`unknown scenario calendar ${String(calendar)}`);
  const key = def.calendar ?? chosen.key;
  if (!key) throw new Error('a scenario calendar needs a key, or the flow must name its calendar');
  return { ...STANDARD_CALENDARS, [key]: chosen };
}

const TICKET_FIELDS = [
  'category',
  'severity',
  'complexity',
  'solution',
  'fixReport',
  'fixVerified',
  'satisfaction',
  'note',
];

/** What a bundle with the `ticket` form and the `cn-2026` calendar knows. */
export const ticketContext: DefinitionContext = {
  formFields: (form) =>
    form === 'ticket'
      ? new Map<string, FieldInfo>(TICKET_FIELDS.map((key) => [key, { key, type: 'text', numeric: false }]))
      : undefined,
  has: (kind, key) => (kind === 'form' && key === 'ticket') || (kind === 'calendar' && key === 'cn-2026'),
};

function checkExpectations(result: StepResult, expected: ScenarioExpect, label: string): void {
  if (expected.ok !== undefined)
    expect(result.ok, `${label}: ok ${JSON.stringify(result.ok ? '' : result.issues)}`).toBe(expected.ok);
  if (expected.stage !== undefined) expect(result.snapshot.stage, `${label}: stage`).toBe(expected.stage);
  if (expected.status !== undefined) expect(result.snapshot.status, `${label}: status`).toBe(expected.status);
  if (result.ok) {
    if (expected.ignored !== undefined) expect(result.ignored, `${label}: ignored`).toBe(expected.ignored);
    if (expected.effectCount !== undefined)
      expect(result.effects, `${label}: effects`).toHaveLength(expected.effectCount);
    for (const effect of expected.effects ?? []) {
      expect(result.effects, `${label}: effects include ${JSON.stringify(effect)}`).toContainEqual(
        expect.objectContaining(matcherFor(effect)),
      );
    }
    for (const effect of expected.absent ?? []) {
      expect(result.effects, `${label}: effects exclude ${JSON.stringify(effect)}`).not.toContainEqual(
        expect.objectContaining(matcherFor(effect)),
      );
    }
  } else {
    if (expected.reason !== undefined) expect(result.reason, `${label}: reason`).toBe(expected.reason);
    for (const issue of expected.issues ?? []) {
      expect(result.issues, `${label}: issues include ${JSON.stringify(issue)}`).toContainEqual(
        expect.objectContaining(matcherFor(issue)),
      );
    }
  }
}

/** Nested objects match as subsets too, so fixtures name only what they care about. */
function matcherFor(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? expect.objectContaining(matcherFor(v as Record<string, unknown>))
        : v,
    ]),
  );
}

export interface ScenarioRun {
  flow: Flow;
  results: StepResult[];
  snapshots: FlowSnapshot[];
  effects: FlowEffect[];
}

/** Runs a scenario, checking every expectation; with `roundTrip`, each snapshot goes through JSON first. */
export function runScenario(scenario: Scenario, options: { roundTrip: boolean }): ScenarioRun {
  const def = fixtureFlow(scenario.flow);
  const flow = createFlow(def, { calendars: calendarsFor(def, scenario.calendar) });
  const store = (s: FlowSnapshot) =>
    options.roundTrip ? (JSON.parse(JSON.stringify(s)) as FlowSnapshot) : s;
  const started = flow.start(scenario.start.context, new Date(scenario.start.at));
  checkExpectations(started, scenario.start.expect ?? {}, `${scenario.name} › start`);
  const run: ScenarioRun = {
    flow,
    results: [started],
    snapshots: [started.snapshot],
    effects: [...started.effects],
  };
  let snapshot = store(started.snapshot);
  scenario.steps.forEach((step, i) => {
    let event = step.event;
    let at = step.at;
    if (step.fire !== undefined) {
      const timer = run.effects.find(
        (e): e is ScheduleTimerEffect => e.type === 'schedule-timer' && e.id === step.fire,
      );
      if (!timer) throw new Error(`${scenario.name}: step ${i} fires unknown timer ${step.fire}`);
      event = timer.event;
      at = at ?? timer.due;
    }
    if (!event || !at) throw new Error(`${scenario.name}: step ${i} needs an event and a time`);
    const result = flow.send(snapshot, event, new Date(at), { roles: step.roles, locale: step.locale });
    checkExpectations(result, step.expect, `${scenario.name} › step ${i} (${event.type})`);
    if (step.expect.clocks) {
      const views = flow.clocks(result.snapshot, new Date(at));
      for (const clock of step.expect.clocks) {
        expect(views, `${scenario.name} › step ${i}: clocks`).toContainEqual(expect.objectContaining(clock));
      }
    }
    if (!result.ok) expect(result.snapshot).toBe(snapshot);
    run.results.push(result);
    run.snapshots.push(result.snapshot);
    if (result.ok) run.effects.push(...result.effects);
    snapshot = store(result.snapshot);
  });
  return run;
}
