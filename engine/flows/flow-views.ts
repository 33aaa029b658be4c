/**
 * @module Read-only views of a flow for the designer, the inbox and the SLA page: its stages with
 * owner, required fields and clocks; the events the current stage offers; and live clock readings.
 */
import type { CalendarDefinition } from '../calendars/calendar-definition.schema';
import type { LocalizedText } from '../issues/locale';
import type { FlowDefinition } from './flow-definition.schema';
import type { FlowSnapshot } from './flow-snapshot';
import { isFinalStage, stageTransitions } from './flow-structure';
import { readClock } from './sla/clock-reading';
import { roundMinutes, type ClockStatus } from './sla/clock-state';
import type { PolicyPlan } from './sla/sla-state';

export interface FlowEventInfo {
  event: string;
  target?: string;
  guard?: string;
  roles?: string[];
}

export interface FlowStageInfo {
  key: string;
  label?: LocalizedText;
  final: boolean;
  waiting: boolean;
  owner?: { role: string; strategy?: string };
  requiredFields: string[];
  /** Policies whose clock runs in this stage. */
  clocks: string[];
  /** Policies whose clock pauses in this stage. */
  pausedClocks: string[];
  events: FlowEventInfo[];
}

export interface ClockView {
  clock: string;
  run: number;
  status: ClockStatus;
  startedAt: string;
  startedIn: string;
  calendar: string;
  targetMinutes: number;
  due: string | null;
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  /** Business minutes left before the breach (negative once late). */
  remainingBusinessMinutes: number;
  pausedWallMinutes: number;
  pausedBusinessMinutes: number;
  warned: number[];
  breached: boolean;
  outcome: 'met' | 'breached' | 'cancelled' | null;
  endedAt: string | null;
}

export function describeEvents(def: FlowDefinition, stage: string): FlowEventInfo[] {
  const config = def.machine.states[stage];
  if (!config) return [];
  return stageTransitions(stage, config)
    .filter((t) => t.event !== null)
    .map((t) => {
      const info: FlowEventInfo = { event: t.event as string };
      if (t.target !== undefined) info.target = t.target;
      if (t.guard) info.guard = t.guard.name;
      if (t.roles) info.roles = t.roles;
      return info;
    });
}

export function describeStages(def: FlowDefinition, plans: PolicyPlan[]): FlowStageInfo[] {
  return Object.entries(def.machine.states).map(([key, config]) => {
    const info: FlowStageInfo = {
      key,
      final: isFinalStage(config),
      waiting: config.meta?.waiting === true,
      requiredFields: [...(config.meta?.requiredFields ?? [])],
      clocks: plans.filter((p) => p.span.has(key) && !p.pauseIn.has(key)).map((p) => p.policy.key),
      pausedClocks: plans.filter((p) => p.pauseIn.has(key)).map((p) => p.policy.key),
      events: describeEvents(def, key),
    };
    if (config.meta?.label) info.label = config.meta.label;
    if (config.meta?.owner) info.owner = { ...config.meta.owner };
    return info;
  });
}

export function describeClocks(
  snapshot: FlowSnapshot,
  calendars: Record<string, CalendarDefinition>,
  now: number,
): ClockView[] {
  return snapshot.sla.clocks.map((clock) => {
    const calendar = calendars[clock.calendar];
    const reading = calendar
      ? readClock(clock, calendar, now)
      : { business: clock.businessMinutes, wall: clock.wallMinutes };
    return {
      clock: clock.clock,
      run: clock.run,
      status: clock.status,
      startedAt: clock.startedAt,
      startedIn: clock.startedIn,
      calendar: clock.calendar,
      targetMinutes: clock.targetMinutes,
      due: clock.due,
      businessElapsedMinutes: roundMinutes(reading.business),
      wallElapsedMinutes: roundMinutes(reading.wall),
      remainingBusinessMinutes: roundMinutes(clock.targetMinutes - reading.business),
      pausedWallMinutes: roundMinutes(clock.pausedWallMinutes),
      pausedBusinessMinutes: roundMinutes(clock.pausedBusinessMinutes),
      warned: [...clock.warned],
      breached: clock.breached,
      outcome: clock.outcome,
      endedAt: clock.endedAt,
    };
  });
}
