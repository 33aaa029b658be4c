/**
 * @module What the calendar API promises beyond the fixtures: the meta-schema compiles under Ajv strict
 * mode, both message languages exist, bad arguments fail loudly, and long spans stay cheap.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addBusinessTime,
  ALWAYS_OPEN_CALENDAR,
  businessTimeBetween,
  calendarDefinitionSchema,
  calendarMessages,
  checkCalendarDefinition,
  CN_2026_CALENDAR,
  type CalendarDefinition,
} from '../../../engine/calendars';
import { metaValidator } from '../../../engine/definitions/definition-ajv';

const emptyWeek: CalendarDefinition['week'] = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

afterEach(() => vi.restoreAllMocks());

describe('calendar definition schema', () => {
  it('compiles under Ajv strict mode and accepts the standard calendars', () => {
    const validate = metaValidator(calendarDefinitionSchema);
    expect(validate(CN_2026_CALENDAR)).toBe(true);
    expect(validate(ALWAYS_OPEN_CALENDAR)).toBe(true);
  });
});

describe('calendar messages', () => {
  it('every code has a Chinese and an English message', () => {
    for (const [code, templates] of Object.entries(calendarMessages)) {
      expect(templates.en, code).toMatch(/\S/);
      expect(templates['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('issues come in the requested language with their values filled in', () => {
    const doc: CalendarDefinition = { ...CN_2026_CALENDAR, holidays: ['2026-02-30'] };
    const [zh] = checkCalendarDefinition(doc, undefined, 'zh-CN');
    const [en] = checkCalendarDefinition(doc, undefined, 'en');
    expect(zh).toMatchObject({
      code: 'invalid-date',
      path: '/holidays/0',
      message: '“2026-02-30”不是有效的日期',
    });
    expect(en?.message).toBe('"2026-02-30" is not a real calendar date');
  });

  it('a duplicated date names where it was first listed', () => {
    const doc: CalendarDefinition = {
      ...CN_2026_CALENDAR,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-01'],
    };
    expect(checkCalendarDefinition(doc, undefined, 'en')).toEqual([
      {
        code: 'duplicate-date',
        path: '/holidays/2',
        params: { date: '2026-10-01', first: '/holidays/0' },
        message: 'Date 2026-10-01 is already listed at /holidays/0',
      },
    ]);
  });
});

describe('business time arguments', () => {
  it('accepts epoch milliseconds as well as dates', () => {
    const start = Date.parse('2026-03-10T11:00:00+08:00');
    expect(addBusinessTime(CN_2026_CALENDAR, start, 120).toISOString()).toBe('2026-03-10T06:30:00.000Z');
    expect(businessTimeBetween(CN_2026_CALENDAR, start, new Date('2026-03-10T14:30:00+08:00'))).toBe(120);
  });

  it('refuses negative or non-finite budgets and invalid dates', () => {
    expect(() => addBusinessTime(CN_2026_CALENDAR, 0, -1)).toThrow(RangeError);
    expect(() => addBusinessTime(CN_2026_CALENDAR, 0, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessTime(CN_2026_CALENDAR, new Date('nonsense'), 5)).toThrow(RangeError);
    expect(() => businessTimeBetween(CN_2026_CALENDAR, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('a calendar without any working time throws instead of looping', () => {
    const never: CalendarDefinition = { key: 'never', timezone: 'UTC', week: emptyWeek };
    expect(() => addBusinessTime(never, 0, 1)).toThrow(/no working time/);
    expect(() => addBusinessTime(never, 0, 0)).toThrow(/no working time/);
    expect(businessTimeBetween(never, 0, Date.UTC(2030, 0, 1))).toBe(0);
  });

  it('an absurd budget on a sparse calendar is refused rather than searched for ever', () => {
    const sparse: CalendarDefinition = {
      key: 'sparse',
      timezone: 'UTC',
      week: { ...emptyWeek, sun: [['10:00', '10:01']] },
    };
    expect(() => addBusinessTime(sparse, 0, 1e9)).toThrow(/no deadline within 200 years/);
  });
});

describe('long spans', () => {
  it('a deadline ten years out asks Intl far less than once per day', () => {
    // A zone no other test in this file touches, so its offset table starts cold.
    const cal: CalendarDefinition = { ...CN_2026_CALENDAR, key: 'paris', timezone: 'Europe/Paris' };
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const start = new Date('2026-01-05T09:00:00+01:00');
    const deadline = addBusinessTime(cal, start, 10 * 261 * 450);
    expect(deadline.getUTCFullYear()).toBe(2036);
    const cold = formatToParts.mock.calls.length;
    expect(cold).toBeLessThan(3653 / 2);
    // Warm: the same question again costs no Intl call at all.
    formatToParts.mockClear();
    expect(businessTimeBetween(cal, start, deadline)).toBe(10 * 261 * 450);
    expect(formatToParts).not.toHaveBeenCalled();
  });

  it('a century of 24 × 7 time is found quickly', () => {
    const t0 = performance.now();
    const deadline = addBusinessTime(ALWAYS_OPEN_CALENDAR, Date.UTC(2000, 0, 1), 36_525 * 1440);
    expect(deadline.toISOString()).toBe('2100-01-01T00:00:00.000Z');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
