/**
 * @module The demo plan: pure and deterministic (a seeded PRNG, no clock), from `{ seed, start, months,
 * tickets, timezone }` to the customers and the ticket scripts a loader plays against a runtime.
 * Arrivals follow the day weights and channel hour profiles of `demo-seasonality`; channel, category,
 * product and priority follow the shares of `demo-catalog`; tiers come from the customers. One product
 * model's screen failures jump in one month (the defect spike) to at least `spike.threshold` — a
 * "≥ N per model per calendar month" rule trips there — while every other model and month stays below
 * it (the plan moves the rare excess to other categories so the promise holds for any seed).
 */
import { toLocalDate } from '../../engine';
import {
  CATEGORY_SHARES,
  CHANNEL_SHARES,
  PRIORITY_SHARES,
  PRODUCT_LINES,
  type Category,
  type Priority,
} from './demo-catalog';
import { createCustomers, demoMobile, ownedProduct, type DemoCustomer } from './demo-customers';
import { datesOf, dayWeight, hourWeights, localInstant } from './demo-seasonality';
import { scriptTicket, type TicketHead, type TicketScript } from './demo-ticket-script';
import { createRng, pickCumulative } from './prng';
import { storyStageFactors } from './demo-story';

export interface DemoPlanOptions {
  seed: number;
  /** First local day, `YYYY-MM-DD` (the `cn-2026` calendar covers 2026). */
  start: string;
  months: number;
  tickets: number;
  timezone: 'Asia/Shanghai';
  /**
   * The least N the spike must reach, e.g. a template rule's "≥ N per model and month": the spike's
   * threshold is this or the one sized to the volume, whichever is larger.
   */
  minThreshold?: number;
  /**
   * The demo's "now" (epoch ms), when it falls inside the period: the plan ends there, no ticket is
   * created at or after it, and steps after it have not happened (a first run ends its demo today).
   */
  until?: number;
  /**
   * Play the improvement story (`demo-story.ts`): after the fix's go-live the tickets in its scope are
   * served faster. Off, the plan is exactly what it was before the story existed.
   */
  story?: boolean;
}

export const DEFAULT_PLAN_OPTIONS: DemoPlanOptions = {
  seed: 20260601,
  start: '2026-06-01',
  months: 6,
  tickets: 20_000,
  timezone: 'Asia/Shanghai',
  story: true,
};

export interface DefectSpike {
  model: string;
  category: Category;
  /** `YYYY-MM` (local). */
  month: string;
  /** The N of a "≥ N tickets of one category per model per month" rule that this spike trips. */
  threshold: number;
  /** Tickets of the spike's model and category in its month. */
  count: number;
}

export interface DemoPlan {
  options: DemoPlanOptions;
  startsAt: number;
  /** The plan's "now": steps at or after it have not happened. */
  endsAt: number;
  customers: DemoCustomer[];
  /** In created-at order. */
  tickets: TicketScript[];
  spike: DefectSpike;
}

export const SPIKE_MODEL = 'X200 Pro';
export const SPIKE_CATEGORY: Category = 'screen';

const monthOf = (at: number, tz: string) => toLocalDate(at, tz).slice(0, 7);

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** N for the spike: comfortably above the busiest model-month's expected screen failures. */
function spikeThreshold(tickets: number, months: number): number {
  const modelShare = Math.max(...Object.values(PRODUCT_LINES).map((line) => line.share / line.models.length));
  const busiestMonth = (tickets / months) * 1.45;
  const expected = busiestMonth * modelShare * CATEGORY_SHARES[SPIKE_CATEGORY];
  return Math.max(5, Math.ceil((expected * 1.6) / 5) * 5);
}

export function createDemoPlan(input: Partial<DemoPlanOptions> = {}): DemoPlan {
  const options = { ...DEFAULT_PLAN_OPTIONS, ...input };
  const { timezone: tz } = options;
  if (tz !== 'Asia/Shanghai') throw new Error('the demo plan follows the cn-2026 calendar (Asia/Shanghai)');
  if (!/^2026-\d{2}-\d{2}$/.test(options.start))
    throw new Error('start must be a 2026 date (cn-2026 calendar)');
  if (options.tickets < 1 || options.months < 1) throw new Error('tickets and months must be positive');
  const rng = createRng(options.seed);
  const dates = datesOf(options.start, options.months);
  const startsAt = localInstant(dates[0]!, 0, tz);
  const periodEnd = localInstant(dates[dates.length - 1]!, 24 * 60, tz);
  const endsAt = options.until !== undefined ? Math.min(periodEnd, options.until) : periodEnd;
  if (endsAt <= startsAt) throw new Error('until must fall after the first day of the plan');

  const customers = createCustomers(rng, Math.max(10, Math.round(options.tickets / 4)), options.start);
  const customerWeights = cumulative(
    customers.map((c) => (c.tier === 'vip' ? 3 : c.tier === 'key' ? 1.6 : 1)),
  );
  const dayWeights = cumulative(dates.map(dayWeight));
  const channelHours = new Map(
    (Object.keys(CHANNEL_SHARES) as (keyof typeof CHANNEL_SHARES)[]).map((c) => [
      c,
      cumulative(hourWeights(c)),
    ]),
  );

  // 1. Who, when, what: the ticket heads.
  const heads: TicketHead[] = [];
  for (let i = 0; i < options.tickets; i++) {
    const customer = customers[pickCumulative(customerWeights, rng)]!;
    const product = rng.pick(customer.products);
    const channel = rng.weighted(CHANNEL_SHARES);
    const date = dates[pickCumulative(dayWeights, rng)]!;
    const minute = pickCumulative(channelHours.get(channel)!, rng) * 60 + rng.int(0, 59);
    let priority: Priority = rng.weighted(PRIORITY_SHARES);
    if (customer.tier === 'vip' && priority === 'normal' && rng.chance(0.3)) priority = 'high';
    heads.push({
      createdAt: localInstant(date, minute, tz) + rng.int(0, 59) * 1000,
      customerRef: customer.ref,
      contactName: customer.contactName,
      contactPhone: rng.chance(0.85) ? customer.data.phone : demoMobile(rng),
      region: customer.data.region,
      tier: customer.tier,
      channel,
      priority,
      category: rng.weighted(CATEGORY_SHARES),
      productLine: product.productLine,
      model: product.model,
      serialNo: product.serialNo,
      purchaseDate: product.purchaseDate,
      spike: false,
    });
  }

  // 2. The defect spike: screen failures of one model jump in one month, peaking in its second half.
  const spikeMonth = monthOf(
    localInstant(dates[Math.min(3, options.months - 1) * 30 + 10] ?? dates[0]!, 0, tz),
    tz,
  );
  const threshold = Math.max(options.minThreshold ?? 0, spikeThreshold(options.tickets, options.months));
  const target = Math.ceil(threshold * 1.6);
  const inSpike = (h: TicketHead) =>
    h.model === SPIKE_MODEL && h.category === SPIKE_CATEGORY && monthOf(h.createdAt, tz) === spikeMonth;
  for (const h of heads) if (inSpike(h)) h.spike = true;
  let count = heads.filter(inSpike).length;
  const candidates = heads
    .filter((h) => !inSpike(h) && monthOf(h.createdAt, tz) === spikeMonth && h.productLine === 'phone')
    .sort((a, b) => b.createdAt - a.createdAt);
  let serial = 90_000_000;
  for (const h of candidates) {
    if (count >= target) break;
    // Later in the month more often: the faulty panel batch reaches more customers week by week.
    if (!rng.chance(0.55)) continue;
    const customer = customers.find((c) => c.ref === h.customerRef)!;
    const owned = ownedProduct(rng, serial++, options.start, 'phone', SPIKE_MODEL);
    customer.products.push(owned);
    Object.assign(h, {
      model: SPIKE_MODEL,
      category: SPIKE_CATEGORY,
      serialNo: owned.serialNo,
      purchaseDate: owned.purchaseDate,
      spike: true,
    });
    count += 1;
  }

  // 3. Keep every other model-month below the threshold, whatever the seed drew.
  const groups = new Map<string, TicketHead[]>();
  for (const h of heads) {
    if (h.category !== SPIKE_CATEGORY || h.spike) continue;
    const key = `${h.model}|${monthOf(h.createdAt, tz)}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const otherShares = { ...CATEGORY_SHARES, [SPIKE_CATEGORY]: 0 };
  for (const members of groups.values()) {
    for (const h of members.slice(threshold - 1)) h.category = rng.weighted(otherShares);
  }

  // 4. Each ticket's life, in created-at order.
  heads.sort((a, b) => a.createdAt - b.createdAt);
  // Drawn over the whole period so a plan cut at "now" keeps the seed's earlier days unchanged.
  const factorsOf = options.story ? storyStageFactors(spikeMonth, tz) : () => ({});
  const tickets = heads
    .filter((h) => h.createdAt < endsAt)
    .map((h, i) => scriptTicket(rng, h, `T-${String(i + 1).padStart(6, '0')}`, endsAt, factorsOf(h)));
  return {
    options,
    startsAt,
    endsAt,
    customers,
    tickets,
    spike: { model: SPIKE_MODEL, category: SPIKE_CATEGORY, month: spikeMonth, threshold, count },
  };
}
