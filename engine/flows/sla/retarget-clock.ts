/**
 * @module Re-targeting a running or paused SLA clock when the instance's tier, priority or data now
 * select another target. What happens is the policy's explicit choice (`onPriorityChange`):
 *
 * - `restart`: the clock is judged as if the new target had applied from its original start. Elapsed
 *   business time is measured from that start (pauses excluded), so due = now + (new − elapsed); every
 *   warning fraction the new target has already passed fires now, and a budget already spent breaches
 *   at once.
 * - `keep-elapsed`: the elapsed business time stays and the new budget applies from now: due = now +
 *   (new − elapsed). Warning fractions already behind are skipped (recorded, not sent: warning about a
 *   moment that has passed is noise); only a budget already spent breaches at once.
 *
 * A breach already recorded stays recorded: a breach is an event on the record, not a state to undo.
 */
import type { FlowContext } from '../flow-event';
import { checkpointClock } from './clock-reading';
import { recordClockEvent, type ClockScope, type ClockState } from './clock-state';
import { cancelTimers, scheduleTimers } from './schedule-timers';
import { selectTarget } from './select-target';

/** Re-targets `clock` if `context` selects a different budget; returns whether it did. */
export function retargetClock(clock: ClockState, scope: ClockScope, context: FlowContext): boolean {
  if (clock.status !== 'running' && clock.status !== 'paused') return false;
  const target = selectTarget(scope.policy, context);
  if (target.minutes === clock.targetMinutes) {
    clock.targetIndex = target.index;
    return false;
  }
  const mode = scope.policy.onPriorityChange;
  const previousTargetMinutes = clock.targetMinutes;
  const previousDue = clock.due;
  const reading = checkpointClock(clock, scope.calendar, scope.now);
  cancelTimers(clock, scope);
  clock.targetMinutes = target.minutes;
  clock.targetIndex = target.index;
  clock.generation += 1;
  if (mode === 'restart') {
    // Fractions warned under the old target are re-judged against the new one.
    clock.warned = clock.warned.filter((f) => f * target.minutes <= reading.business);
  }
  const announce = () =>
    recordClockEvent(clock, scope, 'retargeted', reading, { previousTargetMinutes, previousDue, mode });
  if (clock.status === 'running') {
    scheduleTimers(clock, scope, reading, mode === 'restart' ? 'fire' : 'skip', announce);
  } else {
    // Paused: nothing is due until it resumes, but a spent budget is spent now.
    announce();
    if (reading.business >= target.minutes) {
      // Every point is behind, so this schedules nothing: it only warns / breaches at once.
      scheduleTimers(clock, scope, reading, mode === 'restart' ? 'fire' : 'skip');
      clock.due = null;
    }
  }
  return true;
}
