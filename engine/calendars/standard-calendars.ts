/**
 * @module Calendars every installation has without authoring one. `24x7` counts every minute, for SLA
 * targets in wall-clock time (e.g. "respond within 4 hours, nights included").
 */
import type { CalendarDefinition, DaySchedule } from './calendar-definition.schema';

const allDay = (): DaySchedule => [['00:00', '24:00']];

/**
 * Key of the always-open calendar. Not `24x7`: definition keys must start with a letter
 * (`definitionKeySchema`), and a built-in calendar should pass the same schema as authored ones.
 */
export const ALWAYS_OPEN_CALENDAR_KEY = 'always-open';

/** Always working: 00:00–24:00 every day in UTC, no holidays. */
export const ALWAYS_OPEN_CALENDAR: CalendarDefinition = {
  key: ALWAYS_OPEN_CALENDAR_KEY,
  title: { 'zh-CN': '全天候（7×24 小时）', en: 'Always open (24 × 7)' },
  timezone: 'UTC',
  week: {
    mon: allDay(),
    tue: allDay(),
    wed: allDay(),
    thu: allDay(),
    fri: allDay(),
    sat: allDay(),
    sun: allDay(),
  },
  holidays: [],
  workdays: [],
};
