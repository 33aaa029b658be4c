/**
 * @module Explains an SLA clock from the snapshot alone: every run of the policy's clock with its
 * target, outcome and the history of what happened to it (started, paused, resumed, re-targeted,
 * warned, breached, stopped), each line with its time, due instant and both elapsed figures.
 */
import type { FlowSnapshot } from '../flow-snapshot';
import type { ClockHistoryEntry, ClockStatus } from './clock-state';

export interface ClockRunExplanation {
  run: number;
  status: ClockStatus;
  calendar: string;
  startedAt: string;
  startedIn: string;
  targetMinutes: number;
  due: string | null;
  breached: boolean;
  outcome: 'met' | 'breached' | 'cancelled' | null;
  endedAt: string | null;
  /** Figures as of the last history line (live readings come from `flow.clocks(snapshot, now)`). */
  businessElapsedMinutes: number;
  wallElapsedMinutes: number;
  pausedWallMinutes: number;
  pausedBusinessMinutes: number;
  history: ClockHistoryEntry[];
}

export interface ClockExplanation {
  clock: string;
  runs: ClockRunExplanation[];
  /** The whole history of all runs, in order. */
  history: (ClockHistoryEntry & { run: number })[];
}

/** The explanation of clock `clockKey` (a policy key); `undefined` when it never ran. */
export function explainClock(snapshot: FlowSnapshot, clockKey: string): ClockExplanation | undefined {
  const runs = snapshot.sla.clocks.filter((c) => c.clock === clockKey);
  if (runs.length === 0) return undefined;
  return {
    clock: clockKey,
    runs: runs.map((c) => {
      const last = c.history[c.history.length - 1];
      return {
        run: c.run,
        status: c.status,
        calendar: c.calendar,
        startedAt: c.startedAt,
        startedIn: c.startedIn,
        targetMinutes: c.targetMinutes,
        due: c.due,
        breached: c.breached,
        outcome: c.outcome,
        endedAt: c.endedAt,
        businessElapsedMinutes: last?.businessElapsedMinutes ?? 0,
        wallElapsedMinutes: last?.wallElapsedMinutes ?? 0,
        pausedWallMinutes: c.pausedWallMinutes,
        pausedBusinessMinutes: c.pausedBusinessMinutes,
        history: c.history.map((h) => ({ ...h })),
      };
    }),
    history: runs.flatMap((c) => c.history.map((h) => ({ ...h, run: c.run }))),
  };
}
