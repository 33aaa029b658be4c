/**
 * @module The SLA part of a flow snapshot: every clock run of the instance, live and finished, so a
 * clock can be explained after the fact. Also how each policy applies to the flow's stages: the span
 * it runs in and the stages it pauses in.
 */
import { ALWAYS_OPEN_CALENDAR_KEY } from '../../calendars/standard-calendars';
import type { FlowDefinition, SlaPolicy } from '../flow-definition.schema';
import { stagePolicyKeys } from '../flow-structure';
import { isActive, type ClockState } from './clock-state';

export interface SlaState {
  clocks: ClockState[];
}

/** A policy with the stages it runs and pauses in. */
export interface PolicyPlan {
  policy: SlaPolicy;
  /** `policy.stages` plus the stages whose `meta.sla` names the policy. */
  span: Set<string>;
  /** `policy.pauseIn` plus every stage marked `meta.waiting`. */
  pauseIn: Set<string>;
  /** The calendar key: the policy's, else the flow's, else the always-open (24 × 7) one. */
  calendar: string;
}

export function planPolicies(def: FlowDefinition): PolicyPlan[] {
  const states = Object.entries(def.machine.states);
  const waiting = states.filter(([, config]) => config.meta?.waiting === true).map(([stage]) => stage);
  return (def.sla?.policies ?? []).map((policy) => ({
    policy,
    span: new Set([
      ...(policy.stages ?? []),
      ...states.filter(([, config]) => stagePolicyKeys(config).includes(policy.key)).map(([stage]) => stage),
    ]),
    pauseIn: new Set([...(policy.pauseIn ?? []), ...waiting]),
    calendar: policy.calendar ?? def.calendar ?? ALWAYS_OPEN_CALENDAR_KEY,
  }));
}

/** The running or paused run of `clock`, if any. */
export function activeClock(state: SlaState, clock: string): ClockState | undefined {
  for (let i = state.clocks.length - 1; i >= 0; i -= 1) {
    const c = state.clocks[i]!;
    if (c.clock === clock) return isActive(c) ? c : undefined;
  }
  return undefined;
}

/** The number the next run of `clock` gets. */
export function nextRun(state: SlaState, clock: string): number {
  return state.clocks.filter((c) => c.clock === clock).length + 1;
}
