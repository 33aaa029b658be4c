/**
 * @module A flow as a step function: `(definition, snapshot, event, now) → { snapshot, effects }`.
 * Built on XState v5's pure `initialTransition` / `transition` family (no actors, no timers in
 * memory): each call restores the machine from the JSON snapshot, computes the next one, and returns
 * what the runtime must do (timers, SLA records, assignments, named actions) as plain JSON effects.
 * A refused event is a result with issues, never an exception. Timers come back as events: SLA
 * warnings and breaches, and the `flow.after` event of a delayed transition, which takes it.
 */
import { getInitialMicrosteps, getMicrosteps, getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { CalendarDefinition } from '../calendars/calendar-definition.schema';
import { BUILT_IN_CALENDARS } from '../calendars/built-in-calendars';
import { createIssue, type Issue } from '../issues/issue';
import { pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { liveAfterTimer, readAfterState, stageTimers, type AfterState } from './after/after-timers';
import { planDelays } from './after/delay-plan';
import { machineEvent } from './evaluate-guard';
import type { FlowDefinition } from './flow-definition.schema';
import type { FlowEffect } from './flow-effects';
import {
  AFTER_TIMER_EVENT,
  applyEventToContext,
  CONTEXT_EVENT_TYPES,
  isAfterTimerEvent,
  isTimerEvent,
  normaliseStartContext,
  type FlowEvent,
  type FlowStartContext,
} from './flow-event';
import { buildFlowMachine, stageOfValue } from './flow-machine';
import { flowMessages } from './flow-messages';
import {
  jsonCopy,
  persistMachineSnapshot,
  restoreMachineSnapshot,
  snapshotProblem,
  type FlowSnapshot,
} from './flow-snapshot';
import {
  describeClocks,
  describeEvents,
  describeStages,
  type ClockView,
  type FlowEventInfo,
  type FlowStageInfo,
} from './flow-views';
import { clockScope, type SlaEnvironment } from './sla/apply-stage-change';
import { iso } from './sla/clock-state';
import { handleTimerEvent } from './sla/handle-timer-event';
import { retargetClock } from './sla/retarget-clock';
import { activeClock, planPolicies, type SlaState } from './sla/sla-state';
import { enterStage, walkMicrosteps } from './walk-microsteps';

export interface FlowOptions {
  /** Business calendars by key; the built-in ones (`always-open`, `cn-2026`) are always available. */
  calendars?: Record<string, CalendarDefinition>;
}

export interface SendOptions {
  /** The sender's roles; when given, a transition whose `meta.roles` names none of them is refused. */
  roles?: readonly string[];
  locale?: Locale;
}

export type RefusalReason =
  | 'invalid-event'
  | 'invalid-snapshot'
  | 'flow-finished'
  | 'event-not-allowed'
  | 'guard-refused'
  | 'role-not-allowed'
  | 'required-field-missing';

export type StepResult =
  | {
      ok: true;
      snapshot: FlowSnapshot;
      effects: FlowEffect[];
      /**
       * Set when the event changed nothing on purpose: a stale or early timer (SLA or delayed
       * transition). A live delayed-transition timer whose guard refuses is spent, not ignored.
       */
      ignored?: 'stale-timer' | 'timer-not-due';
    }
  | { ok: false; snapshot: FlowSnapshot; reason: RefusalReason; issues: Issue[] };

export interface Flow {
  readonly definition: FlowDefinition;
  /** Starts an instance in the initial stage with the record's data, customer tier and priority. */
  start(context: FlowStartContext, now: Date): StepResult & { ok: true };
  /** Steps `snapshot` with `event` at `now`. */
  send(snapshot: FlowSnapshot, event: FlowEvent, now: Date, options?: SendOptions): StepResult;
  /** Whether `send` would accept `event` (at `options.now`, by default the snapshot's last step time). */
  can(snapshot: FlowSnapshot, event: FlowEvent, options?: SendOptions & { now?: Date }): boolean;
  /** The stages in document order, for designers, inboxes and reports. */
  stages(): FlowStageInfo[];
  /** The events the current stage has transitions for (guards not evaluated). */
  events(snapshot: FlowSnapshot): FlowEventInfo[];
  /** Live readings of every clock run at `now`: what `GET /api/records/:id/sla` shows. */
  clocks(snapshot: FlowSnapshot, now: Date): ClockView[];
}

type Refusal = Extract<StepResult, { ok: false }>;

export function createFlow(def: FlowDefinition, options: FlowOptions = {}): Flow {
  const machine = buildFlowMachine(def);
  const plans = planPolicies(def);
  const calendars: Record<string, CalendarDefinition> = { ...BUILT_IN_CALENDARS, ...options.calendars };
  for (const plan of plans) {
    // A missing calendar is a wiring mistake of the caller, found at construction, not mid-step.
    if (!calendars[plan.calendar])
      throw new Error(`flow "${def.key}": SLA policy "${plan.policy.key}" needs calendar "${plan.calendar}"`);
  }
  const delays = planDelays(def);
  for (const delay of delays.values()) {
    if (delay.calendar !== undefined && !calendars[delay.calendar])
      throw new Error(`flow "${def.key}": delay "${delay.name}" needs calendar "${delay.calendar}"`);
  }
  const states = def.machine.states;
  const environment = (now: number, effects: FlowEffect[]): SlaEnvironment => ({
    plans,
    calendars,
    actions: def.actions ?? {},
    now,
    effects,
  });
  const timersOf = (after: AfterState, now: number, effects: FlowEffect[]) =>
    stageTimers(def, delays, calendars, after, now, effects);
  const header = def.version === undefined ? { flow: def.key } : { flow: def.key, version: def.version };

  const finish = (
    last: AnyMachineSnapshot,
    stage: string,
    sla: SlaState,
    after: AfterState,
    now: Date,
  ): FlowSnapshot => ({
    ...header,
    stage,
    status: last.status === 'done' ? 'done' : 'active',
    at: iso(now.getTime()),
    machine: persistMachineSnapshot(machine, last),
    sla: jsonCopy(sla),
    after: jsonCopy(after),
  });

  function start(context: FlowStartContext, now: Date): StepResult & { ok: true } {
    const input = normaliseStartContext(context);
    const effects: FlowEffect[] = [];
    const env = environment(now.getTime(), effects);
    const sla: SlaState = { clocks: [] };
    const after = readAfterState(undefined);
    const timers = timersOf(after, now.getTime(), effects);
    const [first, ...rest] = getInitialMicrosteps(machine, input);
    if (!first) throw new Error('XState returned no initial microstep');
    const initial = stageOfValue(first[0].value);
    enterStage(def, sla, env, first[0], initial, input, first[1], timers);
    // Eventless hops out of the initial stage are taken like any other; required fields are not
    // enforced here, since there is no earlier snapshot to stay in.
    let stage = initial;
    let last = first[0];
    for (const [snapshot, actions] of rest) {
      const to = stageOfValue(snapshot.value);
      if (to !== stage) {
        effects.push({ type: 'stage-exited', stage });
        timers.leave(stage);
        enterStage(def, sla, env, snapshot, to, input, actions, timers);
        stage = to;
      }
      last = snapshot;
    }
    return { ok: true, snapshot: finish(last, stage, sla, after, now), effects };
  }

  function send(
    snapshot: FlowSnapshot,
    event: FlowEvent,
    now: Date,
    sendOptions: SendOptions = {},
  ): StepResult {
    const locale = sendOptions.locale ?? 'en';
    const refuse = (
      reason: RefusalReason,
      issues: { code: string; path: string; params?: Record<string, unknown> }[],
    ): Refusal => ({
      ok: false,
      snapshot,
      reason,
      issues: issues.map((i) => createIssue(flowMessages, i.code, i.path, i.params ?? {}, locale)),
    });
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string' || event.type === '') {
      return refuse('invalid-event', [{ code: 'invalid-event', path: pointer('type') }]);
    }
    const problem = snapshotProblem(snapshot, def.key, states);
    if (problem)
      return refuse('invalid-snapshot', [
        { code: 'invalid-snapshot', path: '', params: { flow: def.key, detail: problem } },
      ]);

    const nowMs = now.getTime();
    const effects: FlowEffect[] = [];
    const env = environment(nowMs, effects);
    const sla = jsonCopy(snapshot.sla);
    const stage = snapshot.stage;
    const params = { event: event.type, stage };

    if (isTimerEvent(event)) {
      const plan = plans.find((p) => p.policy.key === event.clock);
      const outcome = plan
        ? handleTimerEvent(activeClock(sla, event.clock), clockScope(env, plan, stage), event)
        : 'stale-timer';
      if (outcome !== 'handled') return { ok: true, snapshot, effects: [], ignored: outcome };
      return { ok: true, snapshot: { ...snapshot, at: iso(nowMs), sla: jsonCopy(sla) }, effects };
    }
    if (event.type === AFTER_TIMER_EVENT) return fireDelayedTransition(snapshot, event, now, sla, env);
    if (snapshot.status === 'done')
      return refuse('flow-finished', [{ code: 'flow-finished', path: pointer('type'), params: { stage } }]);

    const context = applyEventToContext(snapshot.machine.context, event);
    const current = restoreMachineSnapshot(machine, snapshot.machine, context);
    const xstateEvent = machineEvent(event, nowMs);
    const enabled = machine.getTransitionData(current, xstateEvent);
    const updatesContext = CONTEXT_EVENT_TYPES.includes(event.type);

    if (enabled.length === 0 && !updatesContext) {
      const candidates = getNextTransitions(current).filter((t) => t.eventType === event.type);
      if (candidates.length === 0)
        return refuse('event-not-allowed', [{ code: 'event-not-allowed', path: pointer('type'), params }]);
      const guards = [...new Set(candidates.map((t) => guardName(t.guard)))];
      return refuse(
        'guard-refused',
        guards.map((guard) => ({
          code: 'guard-refused',
          path: pointer('type'),
          params: { ...params, guard },
        })),
      );
    }
    const roles = (enabled[0]?.meta as { roles?: string[] } | undefined)?.roles;
    if (
      sendOptions.roles &&
      roles &&
      roles.length > 0 &&
      !roles.some((r) => sendOptions.roles!.includes(r))
    ) {
      return refuse('role-not-allowed', [
        { code: 'role-not-allowed', path: pointer('type'), params: { ...params, roles } },
      ]);
    }

    const steps =
      enabled.length > 0
        ? getMicrosteps(machine, current, xstateEvent)
        : [[current, []] as [AnyMachineSnapshot, []]];
    const after = readAfterState(snapshot.after);
    const walked = walkMicrosteps(def, sla, env, stage, steps, context, timersOf(after, nowMs, effects));
    if (!walked.ok) {
      return refuse(
        'required-field-missing',
        walked.missing.map((field) => ({
          code: 'required-field-missing',
          path: pointer('data', field),
          params: { field, stage: walked.stage },
        })),
      );
    }
    // A new tier, priority or data may select other targets for clocks that were already running.
    for (const plan of plans) {
      const clock = activeClock(sla, plan.policy.key);
      if (clock) retargetClock(clock, clockScope(env, plan, walked.stage), context);
    }
    return { ok: true, snapshot: finish(walked.last, walked.stage, sla, after, now), effects };
  }

  /**
   * A delayed transition's timer came back. A live, due timer is spent: the machine takes the stage's
   * transition for that delay (its guard permitting) through the internal `flow.after` event, with the
   * usual stage, SLA and timer effects. A stale or early timer changes nothing, like an SLA timer.
   */
  function fireDelayedTransition(
    snapshot: FlowSnapshot,
    event: FlowEvent,
    now: Date,
    sla: SlaState,
    env: SlaEnvironment,
  ): StepResult {
    const nowMs = now.getTime();
    const after = readAfterState(snapshot.after);
    const timer =
      snapshot.status === 'active' && isAfterTimerEvent(event)
        ? liveAfterTimer(after, event, snapshot.stage)
        : undefined;
    if (!timer) return { ok: true, snapshot, effects: [], ignored: 'stale-timer' };
    if (Date.parse(timer.due) > nowMs) return { ok: true, snapshot, effects: [], ignored: 'timer-not-due' };
    after.timers = after.timers.filter((t) => t.id !== timer.id);

    const context = snapshot.machine.context;
    const current = restoreMachineSnapshot(machine, snapshot.machine, context);
    const xstateEvent = machineEvent(
      { type: AFTER_TIMER_EVENT, stage: timer.stage, delay: timer.delay, timer: timer.id },
      nowMs,
    );
    // Every alternative's guard refused: the timer is spent and the ticket stays where it is.
    if (machine.getTransitionData(current, xstateEvent).length === 0)
      return { ok: true, snapshot: { ...snapshot, at: iso(nowMs), after: jsonCopy(after) }, effects: [] };

    const steps = getMicrosteps(machine, current, xstateEvent);
    const walked = walkMicrosteps(
      def,
      sla,
      env,
      snapshot.stage,
      steps,
      context,
      timersOf(after, nowMs, env.effects),
      false,
    );
    if (!walked.ok) throw new Error('a delayed transition does not check required fields');
    return { ok: true, snapshot: finish(walked.last, walked.stage, sla, after, now), effects: env.effects };
  }

  function can(
    snapshot: FlowSnapshot,
    event: FlowEvent,
    canOptions: SendOptions & { now?: Date } = {},
  ): boolean {
    const now = canOptions.now ?? new Date(typeof snapshot?.at === 'string' ? snapshot.at : 0);
    return send(snapshot, event, now, canOptions).ok;
  }

  return {
    definition: def,
    start,
    send,
    can,
    stages: () => describeStages(def, plans),
    events: (snapshot) => describeEvents(def, snapshot.stage),
    clocks: (snapshot, now) => describeClocks(snapshot, calendars, now.getTime()),
  };
}

function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') {
    return (guard as { type: string }).type;
  }
  return '?';
}
