/**
 * @module Runs a named guard: its JSON-Logic body over `{ data, context, event, params }`, where `data`
 * is the record data the instance holds merged with what the event carries. The step's time travels on
 * the event under a reserved key, because XState hands guards only the context and the event, and a
 * guard reading `{"now": []}` must see the injected clock, never the real one.
 */
import { evaluateExpression, isTruthy } from '../expressions/evaluate-expression';
import type { FlowContext, FlowEvent } from './flow-event';

/** The reserved event key carrying the step's epoch ms into guards. */
export const STEP_TIME_KEY = '$now';

/** The event as XState sees it: the caller's event plus the step time. */
export function machineEvent(event: FlowEvent, now: number): FlowEvent {
  return { ...event, [STEP_TIME_KEY]: now };
}

export function evaluateGuard(
  logic: unknown,
  context: FlowContext,
  event: FlowEvent,
  params: unknown,
): boolean {
  const { [STEP_TIME_KEY]: stepTime, ...publicEvent } = event;
  const scope = { data: context.data, context, event: publicEvent, params: params ?? {} };
  try {
    return isTruthy(evaluateExpression(logic, scope, { now: typeof stepTime === 'number' ? stepTime : 0 }));
  } catch {
    // Only an expression that failed its static checks throws; saved definitions are checked, so this
    // is a draft being tried out. A guard that cannot be evaluated does not let the ticket through.
    return false;
  }
}
