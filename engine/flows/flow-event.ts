/**
 * @module What moves a flow instance: the instance context (record data, customer tier, priority) and
 * the events `send` accepts. Besides the machine's own events there are families the engine handles
 * itself: timer events coming back from the runtime's durable timers (SLA warnings and breaches, and
 * the timers of delayed `after` transitions), and context updates (a changed priority or tier, an
 * edited record) that may re-target running clocks.
 */

/** Record data as the flow sees it: field key → value. */
export type RecordData = Record<string, unknown>;

/** The instance context: kept in the XState snapshot, JSON only. */
export interface FlowContext {
  /** The record's data; events carrying `data` merge into it when they are accepted. */
  data: RecordData;
  /** Customer tier, e.g. `vip`, `key`, `standard`. */
  tier?: string;
  /** Ticket priority, e.g. `urgent`, `high`, `normal`, `low`. */
  priority?: string;
  [key: string]: unknown;
}

/** What `start` accepts: the context with `data` optional. */
export type FlowStartContext = Omit<FlowContext, 'data'> & { data?: RecordData };

/** An event sent to a flow instance. `data` is a partial record update that goes with it. */
export interface FlowEvent {
  type: string;
  data?: RecordData;
  tier?: string;
  priority?: string;
  [key: string]: unknown;
}

/** A warning timer firing: `{ type: 'sla.warning', clock, fraction, timer }`. */
export const SLA_WARNING_EVENT = 'sla.warning';
/** A breach timer firing: `{ type: 'sla.breach', clock, timer }`. */
export const SLA_BREACH_EVENT = 'sla.breach';
/** A delayed (`after`) transition's timer firing: `{ type: 'flow.after', stage, delay, timer }`. */
export const AFTER_TIMER_EVENT = 'flow.after';
/** Event types only timers may send; a transition may not use them. */
export const TIMER_EVENT_TYPES: readonly string[] = [SLA_WARNING_EVENT, SLA_BREACH_EVENT, AFTER_TIMER_EVENT];

/** Events that update the context and are accepted in every active stage, handled or not by the machine. */
export const CONTEXT_EVENT_TYPES: readonly string[] = ['priority.changed', 'record.updated'];

export interface SlaTimerEvent extends FlowEvent {
  type: typeof SLA_WARNING_EVENT | typeof SLA_BREACH_EVENT;
  clock: string;
  fraction?: number;
  /** The timer id from the `schedule-timer` effect; tells a live timer from a stale one. */
  timer?: string;
}

export function isTimerEvent(event: FlowEvent): event is SlaTimerEvent {
  return (
    (event.type === SLA_WARNING_EVENT || event.type === SLA_BREACH_EVENT) && typeof event.clock === 'string'
  );
}

export interface AfterTimerEvent extends FlowEvent {
  type: typeof AFTER_TIMER_EVENT;
  /** The stage whose delayed transition the timer is for. */
  stage: string;
  /** The named delay (`flow.delays` key). */
  delay: string;
  /** The timer id from the `schedule-timer` effect: `after:<stage>:<entry>:<delay>`. */
  timer: string;
}

export function isAfterTimerEvent(event: FlowEvent): event is AfterTimerEvent {
  return (
    event.type === AFTER_TIMER_EVENT &&
    typeof event.stage === 'string' &&
    typeof event.delay === 'string' &&
    typeof event.timer === 'string'
  );
}

/** The context after `event`: its `data` merged into the record data, a new `tier` / `priority` taken. */
export function applyEventToContext(context: FlowContext, event: FlowEvent): FlowContext {
  const next: FlowContext = { ...context, data: { ...context.data } };
  if (event.data && typeof event.data === 'object') Object.assign(next.data, event.data);
  if (typeof event.tier === 'string') next.tier = event.tier;
  if (typeof event.priority === 'string') next.priority = event.priority;
  return next;
}

/** The start context as stored: `data` always present, JSON-clean. */
export function normaliseStartContext(context: FlowStartContext): FlowContext {
  return JSON.parse(JSON.stringify({ ...context, data: context.data ?? {} })) as FlowContext;
}
