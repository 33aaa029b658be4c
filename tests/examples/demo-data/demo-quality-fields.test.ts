/**
 * @module The demo plan fills what the service-quality dashboard reads: the first response when a
 * ticket is accepted (never before it was created, never after it was accepted), the customer
 * interactions when it closes (one for most, more after waits and reopenings), and the promised and
 * actual arrival of every on-site fix — mostly on time, some late, none after the fix.
 */
import { describe, expect, it } from 'vitest';
import { createDemoPlan } from '../../../examples/demo-data/demo-plan';

const plan = createDemoPlan({ tickets: 3_000, seed: 11 });
const stepData = (t: (typeof plan.tickets)[number], event: string) =>
  t.steps.filter((s) => s.event === event).map((s) => ({ at: s.at, data: s.data ?? {} }));

describe('demo plan: the quality fields', () => {
  it('records the first response between creation and acceptance; on the call for phone tickets', () => {
    const accepted = plan.tickets.flatMap((t) => stepData(t, 'ACCEPT').map((s) => ({ t, ...s })));
    expect(accepted.length).toBeGreaterThan(2_500);
    for (const { t, at, data } of accepted) {
      const answered = Date.parse(data.firstResponseAt as string);
      expect(answered, t.ref).toBeGreaterThanOrEqual(t.createdAt);
      expect(answered, t.ref).toBeLessThanOrEqual(at);
      if (t.channel === 'phone') expect(answered - t.createdAt, t.ref).toBeLessThanOrEqual(6 * 60_000);
    }
  });

  it('counts the customer interactions at closing: one for most, more after a reopening', () => {
    const closed = plan.tickets.filter((t) => t.outcome === 'closed');
    const counts = closed.map((t) => stepData(t, 'CLOSE')[0]!.data.contactCount as number);
    expect(counts.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
    const firstContact = counts.filter((n) => n === 1).length / closed.length;
    expect(firstContact).toBeGreaterThan(0.5);
    expect(firstContact).toBeLessThan(0.95);
    const reopened = closed.filter((t) => t.reopened);
    expect(reopened.length).toBeGreaterThan(0);
    for (const t of reopened) expect(stepData(t, 'CLOSE')[0]!.data.contactCount, t.ref).toBeGreaterThan(1);
  });

  it('gives every on-site fix a promised and an actual arrival, some late, none after the fix', () => {
    // Each fix with the service mode its plan chose (the latest PLANNED before it).
    const fixes = plan.tickets.flatMap((t) => {
      let mode: unknown;
      return t.steps.flatMap((s) => {
        if (s.event === 'PLANNED') mode = s.data?.serviceMode;
        return s.event === 'VERIFIED' ? [{ t, at: s.at, data: s.data ?? {}, onsite: mode === 'onsite' }] : [];
      });
    });
    const onsite = fixes.filter((f) => f.onsite);
    expect(onsite.length).toBeGreaterThan(300);
    let late = 0;
    for (const { t, at, data } of onsite) {
      const promised = Date.parse(data.visitPromisedAt as string);
      const arrived = Date.parse(data.visitArrivedAt as string);
      expect(arrived, t.ref).toBeLessThanOrEqual(at);
      if (arrived > promised) late += 1;
    }
    expect(late / onsite.length).toBeGreaterThan(0.05);
    expect(late / onsite.length).toBeLessThan(0.25);
    expect(plan.tickets.reduce((n, t) => n + t.visits, 0)).toBe(onsite.length);
    expect(plan.tickets.reduce((n, t) => n + t.lateVisits, 0)).toBe(late);
    // No visit times on a fix that was not on site.
    for (const { t, data } of fixes.filter((f) => !f.onsite))
      expect(data.visitPromisedAt, t.ref).toBeUndefined();
  });
});
