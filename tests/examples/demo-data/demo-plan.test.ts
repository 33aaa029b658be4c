/** @module The demo plan is deterministic and keeps the distributions it promises. */
import { describe, expect, it } from 'vitest';
import { toLocalDate } from '../../../engine';
import { CATEGORY_SHARES, CHANNEL_SHARES, TIER_SHARES } from '../../../examples/demo-data/demo-catalog';
import { createDemoPlan, SPIKE_CATEGORY, SPIKE_MODEL } from '../../../examples/demo-data/demo-plan';

const plan = createDemoPlan();
const TZ = plan.options.timezone;
const monthOf = (at: number) => toLocalDate(at, TZ).slice(0, 7);

function shares<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / items.length]));
}

describe('createDemoPlan', () => {
  it('gives the same plan for the same seed and another for another seed', () => {
    const small = { tickets: 500, months: 2 };
    const a = createDemoPlan({ ...small, seed: 7 });
    const b = createDemoPlan({ ...small, seed: 7 });
    const c = createDemoPlan({ ...small, seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    expect(c.tickets.map((t) => t.createdAt)).not.toEqual(a.tickets.map((t) => t.createdAt));
  });

  it('makes the tickets asked for, in created-at order, within the period, with steps in time order', () => {
    expect(plan.tickets).toHaveLength(20_000);
    expect(plan.customers.length).toBe(5_000);
    const misordered: string[] = [];
    let previous = -Infinity;
    for (const t of plan.tickets) {
      if (t.createdAt < previous || t.createdAt < plan.startsAt || t.createdAt >= plan.endsAt)
        misordered.push(t.ref);
      previous = t.createdAt;
      let at = t.createdAt;
      for (const s of t.steps) {
        if (s.at < at || s.at >= plan.endsAt) misordered.push(`${t.ref} ${s.event}`);
        at = s.at;
      }
    }
    expect(misordered).toEqual([]);
    expect(new Set(plan.tickets.map((t) => monthOf(t.createdAt)))).toEqual(
      new Set(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']),
    );
  });

  it('keeps the channel, category (outside the spike) and tier shares within tolerance', () => {
    const channels = shares(plan.tickets, (t) => t.channel);
    for (const [channel, share] of Object.entries(CHANNEL_SHARES))
      expect(channels[channel]).toBeCloseTo(share, 1.5);
    const categories = shares(
      plan.tickets.filter((t) => !t.spike),
      (t) => t.category,
    );
    for (const [category, share] of Object.entries(CATEGORY_SHARES)) {
      expect(Math.abs((categories[category] ?? 0) - share), category).toBeLessThan(0.015);
    }
    const tiers = shares(plan.customers, (c) => c.tier);
    for (const [tier, share] of Object.entries(TIER_SHARES))
      expect(Math.abs(tiers[tier]! - share), tier).toBeLessThan(0.02);
    // Tickets carry their customer's tier.
    const tierOf = new Map(plan.customers.map((c) => [c.ref, c.tier]));
    expect(
      plan.tickets.every((t) => t.tier === tierOf.get(t.customerRef) && t.submission.tier === t.tier),
    ).toBe(true);
  });

  it('has seasonality: the 双11 month and the month after 618 above the 国庆 trough; weekdays busier', () => {
    const perMonth = shares(plan.tickets, (t) => monthOf(t.createdAt));
    expect(perMonth['2026-11']!).toBeGreaterThan(perMonth['2026-10']! * 1.6);
    expect(perMonth['2026-07']!).toBeGreaterThan(perMonth['2026-08']!);
    const trough = Math.min(...Object.values(perMonth));
    expect(perMonth['2026-10']).toBe(trough);
    const weekday = plan.tickets.filter((t) => {
      const d = new Date(Date.parse(toLocalDate(t.createdAt, TZ))).getUTCDay();
      return d !== 0 && d !== 6;
    }).length;
    // 5 of 7 days would be 71 %; weekends are quieter.
    expect(weekday / plan.tickets.length).toBeGreaterThan(0.74);
    const nightPhone = plan.tickets.filter(
      (t) => t.channel === 'phone' && Number(new Date(t.createdAt + 8 * 3_600_000).getUTCHours()) < 7,
    );
    expect(nightPhone).toHaveLength(0);
  });

  it('has a defect spike: one model-month reaches the threshold, no other model-month does', () => {
    const { spike } = plan;
    expect(spike).toMatchObject({ model: SPIKE_MODEL, category: SPIKE_CATEGORY, month: '2026-09' });
    const counts = new Map<string, number>();
    for (const t of plan.tickets) {
      if (t.category !== spike.category) continue;
      const key = `${t.model}|${monthOf(t.createdAt)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const spikeKey = `${spike.model}|${spike.month}`;
    expect(counts.get(spikeKey)).toBe(spike.count);
    expect(spike.count).toBeGreaterThanOrEqual(spike.threshold);
    for (const [key, n] of counts) if (key !== spikeKey) expect(n, key).toBeLessThan(spike.threshold);
    // The same model's screen failures in the other months are a fraction of the spike.
    const before = counts.get(`${spike.model}|2026-08`) ?? 0;
    expect(spike.count).toBeGreaterThan(before * 2);
  });

  it('has closed, cancelled and open tickets, late stages, reopenings, waits and surveys', () => {
    const n = plan.tickets.length;
    const outcomes = shares(plan.tickets, (t) => t.outcome);
    expect(outcomes.closed).toBeGreaterThan(0.85);
    expect(outcomes.cancelled).toBeGreaterThan(0.01);
    expect(outcomes.open).toBeGreaterThan(0.02);
    const late = plan.tickets.filter((t) => t.lateStages.length > 0).length / n;
    expect(late).toBeGreaterThan(0.08);
    expect(late).toBeLessThan(0.4);
    expect(plan.tickets.filter((t) => t.reopened).length / n).toBeGreaterThan(0.02);
    expect(plan.tickets.some((t) => t.steps.some((s) => s.event === 'WAIT_PARTS'))).toBe(true);
    const closed = plan.tickets.filter((t) => t.outcome === 'closed');
    expect(closed.every((t) => t.satisfaction !== null && t.satisfaction >= 1 && t.satisfaction <= 5)).toBe(
      true,
    );
    const csat = closed.filter((t) => t.satisfaction! >= 4).length / closed.length;
    expect(csat).toBeGreaterThan(0.65);
    expect(csat).toBeLessThan(0.9);
  });

  it('raises a small demo’s spike to the least threshold asked for, never lowers a large one’s', () => {
    const small = createDemoPlan({ tickets: 1_000, seed: 3, minThreshold: 10 });
    expect(small.spike.threshold).toBe(10);
    expect(small.spike.count).toBeGreaterThanOrEqual(10);
    const large = createDemoPlan({ tickets: 6_000, seed: 3 });
    expect(createDemoPlan({ tickets: 6_000, seed: 3, minThreshold: 10 }).spike).toEqual(large.spike);
    expect(large.spike.threshold).toBeGreaterThan(10);
  });
});
