/** @module Business calendars: the meta-schema, checks, standard calendars and business-time arithmetic. */
export {
  calendarDefinitionSchema,
  type CalendarDefinition,
  type CalendarWorkday,
  type DaySchedule,
  type WeekdayKey,
  type WorkingWindow,
} from './calendar-definition.schema';
export { addBusinessTime } from './add-business-time';
export { businessTimeBetween } from './business-time-between';
export { checkCalendarDefinition } from './check-calendar-definition';
export { calendarMessages } from './calendar-messages';
export { ALWAYS_OPEN_CALENDAR, ALWAYS_OPEN_CALENDAR_KEY } from './standard-calendars';
export { CN_2026_CALENDAR } from './cn-2026-calendar';
export { BUILT_IN_CALENDARS, isBuiltInCalendar } from './built-in-calendars';
