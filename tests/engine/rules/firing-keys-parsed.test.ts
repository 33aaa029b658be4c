/**
 * Stored keys read back: `parseGroupKey` inverts `groupKey` (exactly for text and null values, and
 * always up to the key itself), and `windowOfKey` gives back the window `windowOf` made the key for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupKey,
  parseGroupKey,
  windowOf,
  windowOfKey,
  type GroupValues,
  type RuleWindow,
} from '../../../engine/rules';

const fieldArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/);
// Text full of the separators and escapes the key must survive, plus unicode.
const textArb = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('%', ';', '=', '|', '~', '*', 'a', '2', 'F', '屏') }),
  fc.constantFrom('', '~', '*', '%7E', '%25', 'a=b;c=d'),
);
const groupOf = <T>(values: fc.Arbitrary<T>) =>
  fc
    .uniqueArray(fc.tuple(fieldArb, values), { maxLength: 5, selector: ([field]) => field })
    .map((entries): GroupValues => Object.fromEntries(entries));

describe('parseGroupKey', () => {
  it('gives back a group of text and null values exactly, fields in order', () => {
    fc.assert(
      fc.property(groupOf(fc.option(textArb, { nil: null })), (group) => {
        const parsed = parseGroupKey(groupKey(group));
        expect(parsed).toEqual(group);
        expect(Object.keys(parsed)).toEqual(Object.keys(group));
      }),
    );
  });

  it('gives back any group up to its key (numbers, booleans and JSON come back as their text)', () => {
    const anyValue = fc.oneof(
      textArb,
      fc.constant(null),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.array(textArb, { maxLength: 3 }),
      fc.dictionary(fieldArb, textArb, { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(groupOf(anyValue), (group) => {
        expect(groupKey(parseGroupKey(groupKey(group)))).toBe(groupKey(group));
      }),
    );
  });

  it('reads the documented examples and refuses what is not a key', () => {
    expect(parseGroupKey('*')).toEqual({});
    expect(parseGroupKey('model=X200;fault=screen')).toEqual({ model: 'X200', fault: 'screen' });
    expect(parseGroupKey('model=~')).toEqual({ model: null });
    expect(parseGroupKey('model=A%3BB%3DC%7E')).toEqual({ model: 'A;B=C~' });
    expect(parseGroupKey('record=r-1')).toEqual({ record: 'r-1' });
    expect(() => parseGroupKey('')).toThrow(/not a group key/);
    expect(() => parseGroupKey('model')).toThrow(/not a group key/);
  });
});

const windowArb: fc.Arbitrary<RuleWindow> = fc.oneof(
  fc.constantFrom<RuleWindow>(
    { type: 'calendar', unit: 'day' },
    { type: 'calendar', unit: 'week' },
    { type: 'calendar', unit: 'month' },
  ),
  fc.integer({ min: 1, max: 400 }).map((days): RuleWindow => ({ type: 'rolling', days })),
);

describe('windowOfKey', () => {
  it('gives back the window windowOf made the key for, in the same zone', () => {
    fc.assert(
      fc.property(
        windowArb,
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'),
        (window, at, timezone) => {
          const made = windowOf(window, at, timezone);
          expect(windowOfKey(made.key, timezone)).toEqual(made);
        },
      ),
    );
  });

  it('places weeks across the year end and refuses keys of no known kind', () => {
    expect(windowOfKey('2026-W53', 'UTC')).toEqual({
      key: '2026-W53',
      start: '2026-12-28T00:00:00.000Z',
      end: '2027-01-04T00:00:00.000Z',
    });
    expect(windowOfKey('2026-10', 'Asia/Shanghai')).toEqual({
      key: '2026-10',
      start: '2026-09-30T16:00:00.000Z',
      end: '2026-10-31T16:00:00.000Z',
    });
    expect(windowOfKey('rolling7:2026-03-08', 'America/New_York')).toEqual({
      key: 'rolling7:2026-03-08',
      start: '2026-03-02T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
    });
    for (const key of ['2025-W53', '2026-13', '2026-02-30', 'rolling0:2026-10-01', 'at:2026', '']) {
      expect(windowOfKey(key, 'UTC')).toBeNull();
    }
  });
});
