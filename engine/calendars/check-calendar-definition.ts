/**
 * @module Semantic checks of a calendar document, run after the meta-schema passes: a known time zone,
 * well-formed and ordered working windows, real and unique dates, no date both holiday and workday, and
 * some working time at all (an SLA clock on a calendar without any would never come due).
 */
import type { DefinitionContext } from '../definitions/definition-context';
import { createIssue, type Issue } from '../issues/issue';
import { pointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { isValidTimeZone } from '../time/zoned-time';
import type { CalendarDefinition, DaySchedule, WeekdayKey } from './calendar-definition.schema';
import { calendarMessages } from './calendar-messages';
import { parseClockTime, parseDayNumber, workdayDate } from './day-windows';

const WEEK_ORDER: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

type IssueSink = (code: string, path: (string | number)[], params?: Record<string, unknown>) => void;

/**
 * Issues of one day's windows at `base` (a pointer to the schedule array); returns whether the day has
 * any working time.
 */
function checkSchedule(schedule: DaySchedule, base: (string | number)[], issue: IssueSink): boolean {
  let previous: { start: string; end: string; s: number; e: number } | undefined;
  let hasTime = false;
  schedule.forEach(([start, end], i) => {
    const s = parseClockTime(start);
    const e = parseClockTime(end);
    if (s >= e) {
      // Point at the end: it is the value that fails to come after the start.
      issue('window-not-ascending', [...base, i, 1], { start, end });
      return;
    }
    hasTime = true;
    if (previous) {
      const params = { start, end, previousStart: previous.start, previousEnd: previous.end };
      if (s < previous.s) issue('windows-unsorted', [...base, i, 0], params);
      else if (s < previous.e) issue('windows-overlap', [...base, i, 0], params);
    }
    // Compare the next window with the later-ending of the two, so one stray window is reported once.
    if (!previous || e > previous.e) previous = { start, end, s, e };
  });
  return hasTime;
}

export function checkCalendarDefinition(
  doc: CalendarDefinition,
  // Calendars refer to nothing outside themselves; the parameter keeps the shape every checker has.
  _context: DefinitionContext | undefined,
  locale: Locale,
): Issue[] {
  const issues: Issue[] = [];
  const issue: IssueSink = (code, path, params = {}) =>
    issues.push(createIssue(calendarMessages, code, pointer(...path), params, locale));

  if (!isValidTimeZone(doc.timezone)) issue('unknown-time-zone', ['timezone'], { timeZone: doc.timezone });

  let weekHasTime = false;
  for (const day of WEEK_ORDER) {
    if (checkSchedule(doc.week[day] ?? [], ['week', day], issue)) weekHasTime = true;
  }
  const mondayHasTime = (doc.week.mon ?? []).some(([s, e]) => parseClockTime(s) < parseClockTime(e));

  // Holidays: real dates, each once. Remember where each was first listed for the messages.
  const holidayAt = new Map<string, string>();
  (doc.holidays ?? []).forEach((date, i) => {
    const at = pointer('holidays', i);
    if (parseDayNumber(date) === undefined) issue('invalid-date', ['holidays', i], { date });
    else if (holidayAt.has(date))
      issue('duplicate-date', ['holidays', i], { date, first: holidayAt.get(date) });
    else holidayAt.set(date, at);
  });

  let workdayHasTime = false;
  const workdayAt = new Map<string, string>();
  const idleWorkdays: { index: number; date: string }[] = [];
  (doc.workdays ?? []).forEach((entry, i) => {
    const date = workdayDate(entry);
    const datePath = typeof entry === 'string' ? ['workdays', i] : ['workdays', i, 'date'];
    if (parseDayNumber(date) === undefined) issue('invalid-date', datePath, { date });
    else if (workdayAt.has(date)) issue('duplicate-date', datePath, { date, first: workdayAt.get(date) });
    else {
      workdayAt.set(date, pointer(...datePath));
      const holiday = holidayAt.get(date);
      if (holiday !== undefined) issue('holiday-and-workday', datePath, { date, holiday });
    }
    if (typeof entry === 'object' && entry.hours) {
      if (checkSchedule(entry.hours, ['workdays', i, 'hours'], issue)) workdayHasTime = true;
    } else if (mondayHasTime) {
      workdayHasTime = true;
    } else {
      idleWorkdays.push({ index: i, date });
    }
  });

  if (!weekHasTime && !workdayHasTime) {
    issue('no-working-time', ['week']);
  } else {
    // Reported only when the calendar has working time elsewhere; otherwise the issue above says it.
    for (const { index, date } of idleWorkdays) issue('workday-without-hours', ['workdays', index], { date });
  }
  return issues;
}
