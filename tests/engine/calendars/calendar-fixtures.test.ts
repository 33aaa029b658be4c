/**
 * @module Runs the data-driven calendar cases in tests/fixtures/calendars: named calendars (`op:
 * calendar`), deadlines (`add`), elapsed working time (`between`) and document checks (`check`).
 */
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  calendarDefinitionSchema,
  checkCalendarDefinition,
  BUILT_IN_CALENDARS,
  type CalendarDefinition,
} from '../../../engine/calendars';
import { schemaIssues } from '../../../engine/definitions/schema-issues';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

interface CalendarCase extends FixtureCase {
  op: 'calendar' | 'add' | 'between' | 'check';
  calendar?: CalendarDefinition;
  calendarRef?: string;
  start?: string;
  minutes?: number;
  from?: string;
  to?: string;
  expected?: string | number;
  error?: string;
  issues?: { code: string; path: string }[];
}

const cases = loadFixtures<CalendarCase>('calendars');

const named = new Map<string, CalendarDefinition>(Object.entries(BUILT_IN_CALENDARS));
for (const c of cases) if (c.op === 'calendar' && c.calendar) named.set(c.name, c.calendar);

function calendarOf(c: CalendarCase): CalendarDefinition {
  if (c.calendar) return c.calendar;
  const found = c.calendarRef === undefined ? undefined : named.get(c.calendarRef);
  if (!found) throw new Error(`${c.name}: unknown calendarRef ${c.calendarRef}`);
  return found;
}

const byCode = (a: { code: string; path: string }, b: { code: string; path: string }) =>
  `${a.code} ${a.path}`.localeCompare(`${b.code} ${b.path}`);

describe('calendar fixtures', () => {
  it('has cases of every kind', () => {
    for (const op of ['calendar', 'add', 'between', 'check'])
      expect(cases.some((c) => c.op === op)).toBe(true);
  });

  for (const c of cases.filter((x) => x.op === 'calendar')) {
    it(`${c.file} › ${c.name} is a valid calendar`, () => {
      const cal = calendarOf(c);
      expect(schemaIssues(calendarDefinitionSchema, cal)).toEqual([]);
      expect(checkCalendarDefinition(cal, undefined, 'en')).toEqual([]);
    });
  }

  for (const c of cases.filter((x) => x.op === 'add')) {
    it(`${c.file} › ${c.name}`, () => {
      const run = () => addBusinessTime(calendarOf(c), new Date(c.start!), c.minutes!);
      if (c.error !== undefined) {
        expect(run).toThrow(c.error);
        return;
      }
      expect(run().toISOString()).toBe(new Date(c.expected as string).toISOString());
    });
  }

  for (const c of cases.filter((x) => x.op === 'between')) {
    it(`${c.file} › ${c.name}`, () => {
      const minutes = businessTimeBetween(calendarOf(c), new Date(c.from!), new Date(c.to!));
      expect(minutes).toBeCloseTo(c.expected as number, 9);
    });
  }

  for (const c of cases.filter((x) => x.op === 'check')) {
    it(`${c.file} › ${c.name}`, () => {
      const cal = calendarOf(c);
      // As the definition pipeline does: semantic checks only once the schema passes.
      const structural = schemaIssues(calendarDefinitionSchema, cal);
      const issues = structural.length > 0 ? structural : checkCalendarDefinition(cal, undefined, 'en');
      const actual = issues.map(({ code, path }) => ({ code, path })).sort(byCode);
      expect(actual).toEqual([...(c.issues ?? [])].sort(byCode));
    });
  }
});
