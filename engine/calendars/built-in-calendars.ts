/**
 * @module The calendars every installation has without authoring one, by key: flows may name them,
 * and definition checks treat them as known.
 */
import type { CalendarDefinition } from './calendar-definition.schema';
import { CN_2026_CALENDAR } from './cn-2026-calendar';
import { ALWAYS_OPEN_CALENDAR, ALWAYS_OPEN_CALENDAR_KEY } from './standard-calendars';

export const BUILT_IN_CALENDARS: Readonly<Record<string, CalendarDefinition>> = {
  [ALWAYS_OPEN_CALENDAR_KEY]: ALWAYS_OPEN_CALENDAR,
  'cn-2026': CN_2026_CALENDAR,
};

export function isBuiltInCalendar(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_CALENDARS, key);
}
