/**
 * @module The named delays of a flow's `after` transitions, resolved once per flow: how many minutes,
 * and whether they are wall-clock minutes or working minutes on a business calendar. Also when a
 * delay started at an instant is due — the absolute instant the runtime's durable timer row holds.
 */
import { addBusinessTime } from '../../calendars/add-business-time';
import type { CalendarDefinition } from '../../calendars/calendar-definition.schema';
import { ALWAYS_OPEN_CALENDAR_KEY } from '../../calendars/standard-calendars';
import type { FlowDefinition, FlowDelay } from '../flow-definition.schema';

export interface DelayPlan {
  name: string;
  delay: FlowDelay;
  minutes: number;
  /** The calendar key of a business delay; `undefined` for wall-clock minutes. */
  calendar?: string;
}

/**
 * A delay counts business time when it says so, or when it names a calendar without saying
 * otherwise: naming a calendar for wall-clock minutes would mean nothing.
 */
export function isBusinessDelay(delay: FlowDelay): boolean {
  return delay.business ?? delay.calendar !== undefined;
}

export function planDelays(def: FlowDefinition): Map<string, DelayPlan> {
  const plans = new Map<string, DelayPlan>();
  for (const [name, delay] of Object.entries(def.delays ?? {})) {
    const plan: DelayPlan = { name, delay, minutes: delay.minutes };
    if (isBusinessDelay(delay)) plan.calendar = delay.calendar ?? def.calendar ?? ALWAYS_OPEN_CALENDAR_KEY;
    plans.set(name, plan);
  }
  return plans;
}

/** Epoch ms at which `plan` started at `now` is due. */
export function delayDue(
  plan: DelayPlan,
  calendars: Record<string, CalendarDefinition>,
  now: number,
): number {
  // A non-positive delay is a draft the checker flags; it is simply due at once.
  const minutes = Math.max(0, plan.minutes);
  if (plan.calendar === undefined) return now + Math.round(minutes * 60_000);
  const calendar = calendars[plan.calendar];
  if (!calendar) throw new Error(`flow delay "${plan.name}" needs calendar "${plan.calendar}"`);
  return Math.max(now, addBusinessTime(calendar, now, minutes).getTime());
}
