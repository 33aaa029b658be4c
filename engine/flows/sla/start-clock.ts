/**
 * @module Starting an SLA clock when its stage (or the first stage of its span) is entered: pick the
 * target for the instance's tier × priority, then schedule its warning and breach timers.
 */
import type { FlowContext } from '../flow-event';
import { iso, recordClockEvent, type ClockScope, type ClockState } from './clock-state';
import { scheduleTimers } from './schedule-timers';
import { selectTarget } from './select-target';

export function startClock(
  scope: ClockScope,
  calendarKey: string,
  run: number,
  context: FlowContext,
): ClockState {
  const target = selectTarget(scope.policy, context);
  const clock: ClockState = {
    clock: scope.policy.key,
    run,
    generation: 0,
    status: 'running',
    calendar: calendarKey,
    startedAt: iso(scope.now),
    startedIn: scope.stage,
    targetMinutes: target.minutes,
    targetIndex: target.index,
    businessMinutes: 0,
    wallMinutes: 0,
    since: iso(scope.now),
    pausedAt: null,
    pausedWallMinutes: 0,
    pausedBusinessMinutes: 0,
    due: null,
    warned: [],
    breached: false,
    endedAt: null,
    outcome: null,
    timers: [],
    history: [],
  };
  const reading = { business: 0, wall: 0 };
  scheduleTimers(clock, scope, reading, 'fire', () => recordClockEvent(clock, scope, 'started', reading));
  return clock;
}
