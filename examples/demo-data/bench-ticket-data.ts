/**
 * @module Ticket submissions for load tests: what a busy service centre's agents send to the
 * `after-sales-ticket` form when many calls come in at once — drawn from the demo catalogue's shares
 * (channel, fault category, priority) against customers already stored, each ticket about one of the
 * customer's own products. The customer's contact, tier and region are sent as the agent's screen fills
 * them from the customer record; the runtime copies them from that record again when it stores the ticket.
 */
import { CATEGORY_SHARES, CHANNEL_SHARES, FAULT_TEXTS, PRIORITY_SHARES, type Category } from './demo-catalog';
import type { DemoCustomer } from './demo-customers';
import type { Rng } from './prng';

/** A customer the store holds: the demo customer and the id of its `after-sales-customer` record. */
export interface StoredCustomer {
  id: string;
  customer: DemoCustomer;
}

/** What customers add to the catalogue's one-line description, so no two tickets read the same. */
const SYMPTOM_DETAILS = [
  '从昨天开始 / since yesterday',
  '更新系统后出现 / after the last system update',
  '偶尔出现，重启后好转 / now and then, better after a restart',
  '每天都会出现几次 / several times a day',
  '摔落后出现 / after a drop',
  '第二次报修 / reported once before',
  '充电时更明显 / worse while charging',
  '在户外更明显 / worse outdoors',
];

/** The data of one `after-sales-ticket` submission (the `data` of `POST /api/forms/:key/records`). */
export function benchTicketSubmission(
  rng: Rng,
  stored: StoredCustomer,
  serial: number,
): Record<string, unknown> {
  const { customer } = stored;
  const product = rng.pick(customer.products);
  const category: Category = rng.weighted(CATEGORY_SHARES);
  const channel = rng.weighted(CHANNEL_SHARES);
  // Phone and on-site agents classify while the customer talks; online forms often leave it open.
  const classified = channel === 'phone' || channel === 'onsite' ? rng.chance(0.8) : rng.chance(0.45);
  return {
    customer: stored.id,
    contactName: customer.contactName,
    contactPhone: customer.data.phone,
    tier: customer.tier,
    region: customer.data.region,
    channel,
    priority: rng.weighted(PRIORITY_SHARES),
    productLine: product.productLine,
    model: product.model,
    description: `${FAULT_TEXTS[category].description}（${rng.pick(SYMPTOM_DETAILS)}，#${serial}）`,
    ...(classified ? { category } : {}),
    ...(rng.chance(0.75) ? { serialNo: product.serialNo } : {}),
    ...(rng.chance(0.6) ? { purchaseDate: product.purchaseDate } : {}),
  };
}

/** `count` submissions spread over the stored customers (VIP and key accounts own more devices, so raise more). */
export function benchTicketSubmissions(
  rng: Rng,
  customers: readonly StoredCustomer[],
  count: number,
): Record<string, unknown>[] {
  if (customers.length === 0) throw new Error('benchTicketSubmissions needs stored customers');
  const byDevices = customers.flatMap((c) => c.customer.products.map(() => c));
  return Array.from({ length: count }, (_, i) => benchTicketSubmission(rng, rng.pick(byDevices), i + 1));
}
