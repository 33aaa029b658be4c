/**
 * @module The demo's customers: a tier mix (VIP / key / standard by `TIER_SHARES`), a region, a contact
 * and the products each one owns (model, serial number, purchase date) — the installed base the
 * tickets are raised against. Key and VIP accounts are companies and own more devices.
 */
import {
  COMPANY_KINDS,
  COMPANY_WORDS,
  GIVEN_NAMES,
  PRODUCT_LINES,
  REGIONS,
  SURNAMES,
  TIER_SHARES,
  type ProductLine,
  type Tier,
} from './demo-catalog';
import type { Rng } from './prng';

export interface OwnedProduct {
  productLine: ProductLine;
  model: string;
  serialNo: string;
  /** `YYYY-MM-DD`, before the demo period starts. */
  purchaseDate: string;
}

/** The `after-sales-customer` submission: the customer's data with the products they own. */
export function customerSubmission(customer: DemoCustomer): Record<string, unknown> {
  return { ...customer.data, products: customer.products.map((p) => ({ ...p })) };
}

export interface DemoCustomer {
  /** Stable reference within the plan (`CUST-00001`); the loader maps it to the stored record id. */
  ref: string;
  tier: Tier;
  /** The `after-sales-customer` submission. */
  data: {
    name: string;
    phone: string;
    email?: string;
    tier: Tier;
    region: { province: string; city: string };
  };
  contactName: string;
  products: OwnedProduct[];
}

const LINE_SHARES = Object.fromEntries(
  Object.entries(PRODUCT_LINES).map(([line, { share }]) => [line, share]),
) as Record<ProductLine, number>;

const REGION_WEIGHTS = Object.fromEntries(REGIONS.map((r, i) => [String(i), r.weight])) as Record<
  string,
  number
>;

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** A product bought in the two years before `before` (a `YYYY-MM-DD`). */
export function ownedProduct(
  rng: Rng,
  serial: number,
  before: string,
  line?: ProductLine,
  model?: string,
): OwnedProduct {
  const productLine = line ?? rng.weighted(LINE_SHARES);
  const models = PRODUCT_LINES[productLine].models;
  const chosen = (model && models.find((m) => m.model === model)) || rng.pick(models);
  const base = Date.parse(`${before}T00:00:00Z`);
  const purchase = new Date(base - rng.int(20, 730) * 86_400_000).toISOString().slice(0, 10);
  return {
    productLine,
    model: chosen.model,
    serialNo: `${chosen.prefix}${String(serial).padStart(8, '0')}`,
    purchaseDate: purchase,
  };
}

export function createCustomers(rng: Rng, count: number, start: string): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  let serial = 1;
  for (let i = 1; i <= count; i++) {
    const tier = rng.weighted(TIER_SHARES);
    const region = REGIONS[Number(rng.weighted(REGION_WEIGHTS))]!;
    const contactName = personName(rng);
    const company = tier !== 'standard';
    const name = company
      ? `${region.city.replace(/市$/, '')}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_KINDS)}`
      : contactName;
    const devices = tier === 'vip' ? rng.int(3, 6) : tier === 'key' ? rng.int(2, 4) : rng.int(1, 2);
    const products = Array.from({ length: devices }, () => ownedProduct(rng, serial++, start));
    const ref = `CUST-${String(i).padStart(5, '0')}`;
    customers.push({
      ref,
      tier,
      contactName,
      products,
      data: {
        name,
        phone: mobile(rng),
        ...(rng.chance(company ? 0.9 : 0.4) ? { email: `c${String(i).padStart(5, '0')}@example.cn` } : {}),
        tier,
        region: { province: region.province, city: region.city },
      },
    });
  }
  return customers;
}

export { mobile as demoMobile };
