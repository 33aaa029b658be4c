/**
 * @module Meta-schema of a business calendar: weekly working windows in an IANA time zone, public
 * holidays and make-up workdays (调休). SLA clocks count time on it. What JSON Schema cannot say
 * (real dates, a known zone, sorted windows) is checked by `checkCalendarDefinition`.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { definitionHeaderProperties } from '../definitions/common-schemas';

/** `HH:MM` from 00:00 to 23:59, plus `24:00` so a window can end at midnight. */
export const clockTimeSchema = {
  type: 'string',
  pattern: '^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
} as const;

/** `YYYY-MM-DD`; whether the date exists (no 02-30) is a semantic check, so it can point at the item. */
export const calendarDateSchema = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
} as const;

/**
 * One working window `[start, end]`. A plain array of exactly two items rather than `prefixItems`,
 * because json-schema-to-ts does not read `prefixItems`; the TypeScript type below is the tuple.
 */
export const workingWindowSchema = {
  type: 'array',
  items: clockTimeSchema,
  minItems: 2,
  maxItems: 2,
} as const;

/** The working windows of one day, in order; `[]` is a day off. 48 half-hour slots is plenty. */
export const dayScheduleSchema = {
  type: 'array',
  items: workingWindowSchema,
  maxItems: 48,
} as const;

const weekSchema = {
  type: 'object',
  properties: {
    mon: dayScheduleSchema,
    tue: dayScheduleSchema,
    wed: dayScheduleSchema,
    thu: dayScheduleSchema,
    fri: dayScheduleSchema,
    sat: dayScheduleSchema,
    sun: dayScheduleSchema,
  },
  // All seven are required so an author states a day off instead of forgetting a day.
  required: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  additionalProperties: false,
} as const;

/** A make-up workday: a date, with its own hours when they differ from Monday's. */
const workdayObjectSchema = {
  type: 'object',
  properties: {
    date: calendarDateSchema,
    hours: { ...dayScheduleSchema, minItems: 1 },
  },
  required: ['date'],
  additionalProperties: false,
} as const;

export const calendarDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    timezone: { type: 'string', minLength: 1, maxLength: 64 },
    week: weekSchema,
    // Bounded so an authored calendar stays small; a few decades of holidays fit easily.
    holidays: { type: 'array', items: calendarDateSchema, maxItems: 2000 },
    workdays: {
      type: 'array',
      // Branch on the type rather than `oneOf`, so a bad entry reports only what is wrong with the form
      // it was written in, not also that it fails to be the other form.
      items: { if: { type: 'string' }, then: calendarDateSchema, else: workdayObjectSchema },
      maxItems: 2000,
    },
  },
  // `key` is optional: a calendar can be used inline (`addBusinessTime(calendar, …)`); one stored or
  // in a bundle is addressed by its key, which the bundle check requires.
  required: ['timezone', 'week'],
  additionalProperties: false,
} as const;

/** `[start, end]` as `HH:MM`, start before end. */
export type WorkingWindow = [string, string];

export type DaySchedule = WorkingWindow[];

export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type CalendarWorkday = string | { date: string; hours?: DaySchedule };

/**
 * A calendar document. Hand-written because FromSchema types a window as `string[]`; the checks
 * below keep it in step with the schema.
 */
export interface CalendarDefinition {
  key?: string;
  title?: { 'zh-CN'?: string; en?: string };
  description?: { 'zh-CN'?: string; en?: string };
  version?: number;
  timezone: string;
  week: Record<WeekdayKey, DaySchedule>;
  holidays?: string[];
  workdays?: CalendarWorkday[];
}

/** What json-schema-to-ts derives from the schema. */
export type CalendarDefinitionFromSchema = FromSchema<typeof calendarDefinitionSchema>;

// Compile-time agreement: every hand-typed calendar is a schema-typed one, and both name the same
// properties at every level (so a property added to one side only fails the type check).
type Assert<T extends true> = T;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
// FromSchema reads `if`/`then`/`else` as `unknown`, so the workday entry is checked branch by branch.
type SchemaWorkdayObject = FromSchema<typeof workdayObjectSchema>;
type SchemaWorkday = FromSchema<typeof calendarDateSchema> | SchemaWorkdayObject;
export type _CalendarTypeChecks = [
  Assert<CalendarDefinition extends CalendarDefinitionFromSchema ? true : false>,
  Assert<SameKeys<CalendarDefinition, CalendarDefinitionFromSchema>>,
  Assert<SameKeys<CalendarDefinition['week'], CalendarDefinitionFromSchema['week']>>,
  Assert<CalendarWorkday extends SchemaWorkday ? true : false>,
  Assert<SameKeys<Exclude<CalendarWorkday, string>, SchemaWorkdayObject>>,
  Assert<CalendarDefinitionFromSchema['week']['mon'][number] extends string[] ? true : false>,
];
