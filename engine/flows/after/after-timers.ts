/**
 * @module The durable timers of delayed (`after`) transitions. Entering a stage schedules one timer per
 * named delay of the stage, due at an absolute instant; leaving it cancels whichever have not fired.
 * Ids are deterministic (`after:<stage>:<entry>:<delay>`, where `entry` counts the instance's stage
 * entries), so a retried step schedules the same rows, and a timer from an earlier visit of the same
 * stage never passes for the current one. The pending timers live in the snapshot as plain JSON.
 */
import type { CalendarDefinition } from '../../calendars/calendar-definition.schema';
import type { FlowDefinition } from '../flow-definition.schema';
import type { FlowEffect } from '../flow-effects';
import { AFTER_TIMER_EVENT, type AfterTimerEvent } from '../flow-event';
import { iso } from '../sla/clock-state';
import { delayDue, type DelayPlan } from './delay-plan';

/** A timer of a delayed transition the runtime holds; it leaves the list when it fires or is cancelled. */
export interface AfterTimer {
  id: string;
  stage: string;
  delay: string;
  due: string;
}

export interface AfterState {
  /** How many stages the instance has entered (the initial one is entry 1). */
  entries: number;
  /** Pending timers, all of the current stage. */
  timers: AfterTimer[];
}

/** What stepping tells the delayed-transition timers: a stage was entered or left. */
export interface StageTimers {
  enter(stage: string, flowDone: boolean): void;
  leave(stage: string): void;
}

export function afterTimerId(stage: string, entry: number, delay: string): string {
  return `after:${stage}:${entry}:${delay}`;
}

/** The after-timer part of a stored snapshot, copied; snapshots from before delayed transitions have none. */
export function readAfterState(stored: AfterState | undefined): AfterState {
  return stored
    ? { entries: stored.entries, timers: stored.timers.map((t) => ({ ...t })) }
    : { entries: 0, timers: [] };
}

/** The timers of `state` as a `StageTimers` for one step at `now`, pushing effects into `effects`. */
export function stageTimers(
  def: FlowDefinition,
  plans: Map<string, DelayPlan>,
  calendars: Record<string, CalendarDefinition>,
  state: AfterState,
  now: number,
  effects: FlowEffect[],
): StageTimers {
  return {
    enter(stage, flowDone) {
      state.entries += 1;
      // A finished flow has nothing left to wait for.
      if (flowDone) return;
      for (const delay of Object.keys(def.machine.states[stage]?.after ?? {})) {
        // An unknown or numeric delay is a draft the checker flags; it never fires.
        const plan = plans.get(delay);
        if (!plan) continue;
        const id = afterTimerId(stage, state.entries, delay);
        const due = iso(delayDue(plan, calendars, now));
        const event: AfterTimerEvent = { type: AFTER_TIMER_EVENT, stage, delay, timer: id };
        state.timers.push({ id, stage, delay, due });
        effects.push({ type: 'schedule-timer', id, due, event });
      }
    },
    leave(stage) {
      for (const timer of state.timers) {
        if (timer.stage === stage) effects.push({ type: 'cancel-timer', id: timer.id });
      }
      state.timers = state.timers.filter((t) => t.stage !== stage);
    },
  };
}

/** The pending timer `event` names, if it is still live for `stage`. */
export function liveAfterTimer(
  state: AfterState,
  event: AfterTimerEvent,
  stage: string,
): AfterTimer | undefined {
  return state.timers.find(
    (t) => t.id === event.timer && t.stage === stage && t.stage === event.stage && t.delay === event.delay,
  );
}
