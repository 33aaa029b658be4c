/**
 * Properties over random complaint streams: whatever the order, dates and back-dating, a dry run fires
 * at most once per (group, window) key, every firing has at least the threshold's records behind it,
 * cool-downs space firings of a group, every record behind a firing is dated in its window, and a
 * window holds the moment it was computed for — or, with an offset, lies whole windows before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRunRule, recordMoment, windowOf, type RuleRecord, type RuleWindow } from '../../../engine/rules';
import { loadRule } from './rule-fixtures';

const START = Date.parse('2026-09-01T00:00:00Z');
const SPAN = 120 * 86_400_000;
const DAY = 86_400_000;

const windowArb: fc.Arbitrary<RuleWindow> = fc.oneof(
  fc.constantFrom<RuleWindow>(
    { type: 'calendar', unit: 'day' },
    { type: 'calendar', unit: 'week' },
    { type: 'calendar', unit: 'month' },
  ),
  fc.integer({ min: 1, max: 30 }).map((days): RuleWindow => ({ type: 'rolling', days })),
);

/** Calendar windows that look back up to 12 windows from the moment. */
const lookBackArb: fc.Arbitrary<RuleWindow> = fc
  .record({ unit: fc.constantFrom('day', 'week', 'month'), offset: fc.integer({ min: -12, max: -1 }) })
  .map(({ unit, offset }): RuleWindow => ({ type: 'calendar', unit, offset }));

const recordsArb = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: SPAN }),
      model: fc.constantFrom('X200', 'X300', 'X400'),
      fault: fc.constantFrom('screen', 'screen', 'battery'),
      // How many days earlier it happened than it was entered (back-dating), or no date at all.
      backDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    }),
    { maxLength: 60 },
  )
  .map((raw) =>
    raw
      .sort((a, b) => a.offset - b.offset)
      .map((r, i): RuleRecord => {
        const created = START + r.offset;
        const data: Record<string, unknown> = { model: r.model, fault: r.fault, productLineOwner: 'u1' };
        if (r.backDays !== undefined) data.occurredAt = new Date(created - r.backDays * DAY).toISOString();
        return { id: `r${i}`, form: 'complaint', createdAt: new Date(created).toISOString(), data };
      }),
  );

const ruleArb = fc.record({
  threshold: fc.integer({ min: 1, max: 6 }),
  window: fc.oneof(windowArb, lookBackArb),
  cooldown: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  timezone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
});

function ruleFor(p: {
  threshold: number;
  window: RuleWindow;
  cooldown: number | undefined;
  timezone: string;
}) {
  const set: Record<string, unknown> = {
    '/condition/and/1/>=/1': p.threshold,
    '/aggregates/monthlyCount/window': p.window,
    '/timezone': p.timezone,
  };
  if (p.cooldown !== undefined) set['/cooldown'] = { days: p.cooldown };
  return loadRule({ rule: 'screen-failure.rule.json', set });
}

const options = { from: new Date(START).toISOString(), to: new Date(START + SPAN + DAY).toISOString() };

describe('dry run over random record streams', () => {
  it('fires at most once per (rule, group, window) key', () => {
    fc.assert(
      fc.property(ruleArb, recordsArb, (p, records) => {
        const keys = dryRunRule(ruleFor(p), records, options).firings.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 150 },
    );
  });

  it('has at least the threshold of matching records behind every firing', () => {
    fc.assert(
      fc.property(ruleArb, recordsArb, (p, records) => {
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const firing of dryRunRule(ruleFor(p), records, options).firings) {
          expect(firing.records.length).toBeGreaterThanOrEqual(p.threshold);
          expect(firing.aggregates.monthlyCount).toBe(firing.records.length);
          for (const id of firing.records) {
            const r = byId.get(id);
            expect(r?.data.fault).toBe('screen');
            expect(r?.data.model).toBe(firing.group.model);
            // Only records that existed when it fired, each dated inside the firing's window.
            expect(Date.parse(r?.createdAt ?? '')).toBeLessThanOrEqual(Date.parse(firing.at));
            const at = recordMoment(r!, 'occurredAt', p.timezone);
            expect(at).toBeGreaterThanOrEqual(Date.parse(firing.window!.start));
            expect(at).toBeLessThan(Date.parse(firing.window!.end));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('spaces the firings of a group by at least the cool-down', () => {
    fc.assert(
      fc.property(ruleArb, recordsArb, fc.integer({ min: 1, max: 20 }), (p, records, cooldown) => {
        const last = new Map<string, number>();
        for (const firing of dryRunRule(ruleFor({ ...p, cooldown }), records, options).firings) {
          const group = JSON.stringify(firing.group);
          const before = last.get(group);
          if (before !== undefined)
            expect(Date.parse(firing.at) - before).toBeGreaterThanOrEqual(cooldown * DAY);
          last.set(group, Date.parse(firing.at));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('windows', () => {
  it('hold the moment they are computed for; a calendar window is the same for every moment inside', () => {
    fc.assert(
      fc.property(
        windowArb,
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-12-31T00:00:00Z') }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
        (window, at, timezone) => {
          const w = windowOf(window, at, timezone);
          const start = Date.parse(w.start);
          const end = Date.parse(w.end);
          expect(start).toBeLessThanOrEqual(at);
          expect(at).toBeLessThan(end);
          // A rolling window ends on its moment's local day, so only that day shares it.
          expect(windowOf(window, end - 1, timezone)).toEqual(w);
          expect(windowOf(window, end, timezone).key).not.toBe(w.key);
          if (window.type === 'calendar') expect(windowOf(window, start, timezone)).toEqual(w);
          else expect(end - start).toBeGreaterThanOrEqual(window.days * 86_400_000 - 3_600_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with an offset, lie whole windows back: each ends where the next begins and is named as itself', () => {
    fc.assert(
      fc.property(
        lookBackArb,
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-12-31T00:00:00Z') }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
        (window, at, timezone) => {
          if (window.type !== 'calendar') return;
          const offset = window.offset ?? 0;
          const shifted = windowOf(window, at, timezone);
          const after = windowOf({ ...window, offset: offset + 1 }, at, timezone);
          expect(shifted.end).toBe(after.start);
          expect(Date.parse(shifted.end)).toBeLessThanOrEqual(at);
          // The same window (and key) as asked for without an offset from any moment inside it.
          const plain: RuleWindow = { type: 'calendar', unit: window.unit };
          expect(windowOf(plain, Date.parse(shifted.start), timezone)).toEqual(shifted);
          expect(windowOf(plain, Date.parse(shifted.end) - 1, timezone)).toEqual(shifted);
        },
      ),
      { numRuns: 300 },
    );
  });
});
