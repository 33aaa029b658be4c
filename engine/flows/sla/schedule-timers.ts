/**
 * @module The durable timers of a running SLA clock: one per warning fraction not yet reached and one
 * for the breach, each due at an absolute instant computed on the business calendar from "now" and
 * the business minutes still to go. Ids are deterministic (`clock:run:generation:warn:0.5`), so a
 * retried step schedules the same rows and the runtime's unique key absorbs the repeat.
 */
import { addBusinessTime } from '../../calendars/add-business-time';
import type { ClockReading } from './clock-reading';
import { iso, type ClockScope, type ClockState, type PendingTimer } from './clock-state';
import { SLA_BREACH_EVENT, SLA_WARNING_EVENT } from '../flow-event';
import { recordClockEvent } from './clock-state';
import { breachClock, warnClock } from './escalate-clock';

export function timerId(clock: ClockState, kind: 'warning' | 'breach', fraction?: number): string {
  const base = `${clock.clock}:${clock.run}:${clock.generation}`;
  return kind === 'breach' ? `${base}:breach` : `${base}:warn:${fraction}`;
}

/** Cancels every pending timer of the clock. */
export function cancelTimers(clock: ClockState, scope: ClockScope): void {
  for (const timer of clock.timers) scope.effects.push({ type: 'cancel-timer', id: timer.id });
  clock.timers = [];
}

function schedule(clock: ClockState, scope: ClockScope, timer: PendingTimer): void {
  clock.timers.push(timer);
  scope.effects.push({
    type: 'schedule-timer',
    id: timer.id,
    due: timer.due,
    event:
      timer.kind === 'breach'
        ? { type: SLA_BREACH_EVENT, clock: clock.clock, timer: timer.id }
        : {
            type: SLA_WARNING_EVENT,
            clock: clock.clock,
            fraction: timer.fraction as number,
            timer: timer.id,
          },
  });
}

/**
 * Sets `due` and schedules the timers of a running clock that was just checkpointed at `scope.now`
 * (so `reading.business` is the elapsed time now). Warning fractions already passed are warned at once
 * (`pastWarnings: 'fire'`) or recorded as skipped (`'skip'`); a budget already spent breaches at once.
 */
export function scheduleTimers(
  clock: ClockState,
  scope: ClockScope,
  reading: ClockReading,
  pastWarnings: 'fire' | 'skip',
  /** Called once `due` is known, before any timer or at-once warning: where `started` / `resumed` go. */
  announce?: () => void,
): void {
  const { calendar, now } = scope;
  const target = clock.targetMinutes;
  const elapsed = reading.business;
  const at = (minutes: number) => iso(Math.max(now, addBusinessTime(calendar, now, minutes).getTime()));

  clock.due = target > elapsed ? at(target - elapsed) : clock.breached ? clock.due : iso(now);
  announce?.();

  for (const fraction of scope.policy.warnAt ?? []) {
    if (!(fraction > 0 && fraction < 1) || clock.warned.includes(fraction)) continue;
    const point = fraction * target;
    if (point > elapsed) {
      schedule(clock, scope, {
        id: timerId(clock, 'warning', fraction),
        due: at(point - elapsed),
        kind: 'warning',
        fraction,
      });
    } else if (pastWarnings === 'fire') {
      warnClock(clock, scope, fraction, reading);
    } else {
      clock.warned.push(fraction);
      recordClockEvent(clock, scope, 'warning-skipped', reading, { fraction });
    }
  }
  if (clock.breached) return;
  if (target > elapsed)
    schedule(clock, scope, { id: timerId(clock, 'breach'), due: clock.due as string, kind: 'breach' });
  else breachClock(clock, scope, reading);
}
