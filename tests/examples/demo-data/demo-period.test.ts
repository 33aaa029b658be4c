/**
 * @module The demo that ends "now": which months it covers for a given day, why it is skipped outside
 * 2026, and that a plan cut at an instant is the same plan up to that instant with nothing after it.
 */
import { describe, expect, it } from 'vitest';
import { demoPeriodEndingAt } from '../../../examples/demo-data/demo-period';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';

describe('demoPeriodEndingAt', () => {
  it('covers the six months up to today, in Shanghai time', () => {
    // 17:00 UTC on 30 Nov is already 1 Dec in Shanghai.
    expect(demoPeriodEndingAt(Date.parse('2026-11-30T17:00:00Z'))).toEqual({
      start: '2026-07-01',
      months: 6,
      until: Date.parse('2026-11-30T17:00:00Z'),
    });
    expect(demoPeriodEndingAt(Date.parse('2026-11-24T08:00:00Z'))).toMatchObject({
      start: '2026-06-01',
      months: 6,
    });
  });

  it('starts no earlier than January 2026', () => {
    expect(demoPeriodEndingAt(Date.parse('2026-03-10T02:00:00Z'))).toMatchObject({
      start: '2026-01-01',
      months: 3,
    });
  });

  it('is skipped outside 2026, naming the calendar and the day', () => {
    const period = demoPeriodEndingAt(Date.parse('2027-01-05T02:00:00Z'));
    expect(period).toEqual({ skipped: expect.stringContaining('cn-2026') });
    expect((period as { skipped: string }).skipped).toContain('2027-01-05');
  });
});

describe('a demo plan cut at "now"', () => {
  const full = createDemoPlan({ tickets: 300, months: 6, seed: 7 });
  const until = Date.parse('2026-10-20T04:00:00Z');
  const cut = createDemoPlan({ tickets: 300, months: 6, seed: 7, until });

  it('ends at the instant and has nothing created or done at or after it', () => {
    expect(cut.endsAt).toBe(until);
    expect(cut.tickets.length).toBeLessThan(full.tickets.length);
    for (const t of cut.tickets) {
      expect(t.createdAt).toBeLessThan(until);
      for (const s of t.steps) expect(s.at).toBeLessThan(until);
    }
  });

  it('is the full plan up to that instant', () => {
    const before = full.tickets.filter((t) => t.createdAt < until);
    expect(cut.tickets.map((t) => [t.ref, t.createdAt, t.submission])).toEqual(
      before.map((t) => [t.ref, t.createdAt, t.submission]),
    );
    expect(cut.spike).toEqual(full.spike);
  });

  it('refuses an instant before the first day', () => {
    expect(() =>
      createDemoPlan({ tickets: 10, months: 1, until: Date.parse('2026-01-01T00:00:00Z') }),
    ).toThrow(/until/);
  });
});
