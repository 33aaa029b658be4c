/**
 * @module What a stage change does to every SLA clock. Per policy, on entering stage `to`:
 * - `to` pauses the clock (a waiting stage, or in `pauseIn`) → a running clock pauses;
 * - `to` is in the clock's span → start it (none running), resume it (paused) or leave it running;
 * - otherwise → a live clock stops: met, late, or cancelled when `to` is a cancelling final stage.
 * A clock is never started in a stage that pauses it: waiting is not work.
 */
import type { CalendarDefinition } from '../../calendars/calendar-definition.schema';
import type { FlowActionDefinition } from '../flow-definition.schema';
import type { FlowEffect } from '../flow-effects';
import type { FlowContext } from '../flow-event';
import type { ClockScope } from './clock-state';
import { pauseClock, resumeClock } from './pause-clock';
import { activeClock, nextRun, type PolicyPlan, type SlaState } from './sla-state';
import { startClock } from './start-clock';
import { stopClock } from './stop-clock';

export interface SlaEnvironment {
  plans: PolicyPlan[];
  calendars: Record<string, CalendarDefinition>;
  actions: Record<string, FlowActionDefinition>;
  now: number;
  effects: FlowEffect[];
}

export function clockScope(env: SlaEnvironment, plan: PolicyPlan, stage: string): ClockScope {
  const calendar = env.calendars[plan.calendar];
  if (!calendar) throw new Error(`flow SLA policy "${plan.policy.key}" needs calendar "${plan.calendar}"`);
  return { policy: plan.policy, calendar, actions: env.actions, now: env.now, stage, effects: env.effects };
}

/** Applies entering `to` (the flow ended there when `final`) to every clock of `state`, in place. */
export function applyStageChange(
  state: SlaState,
  env: SlaEnvironment,
  to: string,
  ending: 'none' | 'completed' | 'cancelled',
  context: FlowContext,
): void {
  for (const plan of env.plans) {
    const scope = clockScope(env, plan, to);
    const clock = activeClock(state, plan.policy.key);
    if (ending !== 'none') {
      if (clock) stopClock(clock, scope, ending === 'cancelled');
    } else if (plan.pauseIn.has(to)) {
      if (clock) pauseClock(clock, scope);
    } else if (plan.span.has(to)) {
      if (!clock)
        state.clocks.push(startClock(scope, plan.calendar, nextRun(state, plan.policy.key), context));
      else resumeClock(clock, scope);
    } else if (clock) {
      stopClock(clock, scope);
    }
  }
}
