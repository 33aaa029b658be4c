/**
 * @module Warnings and breaches of an SLA clock: mark them once on the clock, emit the `sla` effect with
 * both elapsed figures, and the escalation actions the policy names (notify the manager, raise the
 * priority, reassign) as `action` effects the runtime carries out.
 */
import type { FlowEffect } from '../flow-effects';
import type { ClockReading } from './clock-reading';
import { iso, recordClockEvent, type ClockScope, type ClockState } from './clock-state';

function escalate(
  scope: ClockScope,
  names: readonly string[] | undefined,
  cause: Extract<FlowEffect, { type: 'action' }>['cause'],
): void {
  for (const name of names ?? []) {
    const action = Object.prototype.hasOwnProperty.call(scope.actions, name)
      ? scope.actions[name]
      : undefined;
    scope.effects.push({
      type: 'action',
      name,
      kind: action?.type ?? name,
      params: { ...(action?.params ?? {}) },
      ...(cause ? { cause } : {}),
    });
  }
}

export function warnClock(
  clock: ClockState,
  scope: ClockScope,
  fraction: number,
  reading: ClockReading,
): void {
  if (clock.warned.includes(fraction)) return;
  clock.warned.push(fraction);
  clock.warned.sort((a, b) => a - b);
  recordClockEvent(clock, scope, 'warning', reading, { fraction });
  escalate(scope, scope.policy.escalate?.onWarning, { clock: clock.clock, event: 'warning', fraction });
}

/** Records the breach (once); the clock keeps running so the record shows how late it finished. */
export function breachClock(clock: ClockState, scope: ClockScope, reading: ClockReading): void {
  if (clock.breached) return;
  clock.breached = true;
  if (clock.due === null || Date.parse(clock.due) > scope.now) clock.due = iso(scope.now);
  recordClockEvent(clock, scope, 'breached', reading);
  escalate(scope, scope.policy.escalate?.onBreach, { clock: clock.clock, event: 'breached' });
}
