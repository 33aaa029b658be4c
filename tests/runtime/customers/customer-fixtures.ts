/**
 * @module What the customers suites drive the runtime with: the after-sales ticket and complaint
 * templates, customer records (a VIP company owning two products, a standard consumer) and a ticket
 * that names its customer and leaves the customer's values to be filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppBundle } from '../../../engine';

const TEMPLATES = join(import.meta.dirname, '..', '..', '..', 'templates');

export const template = (name: string): AppBundle =>
  JSON.parse(readFileSync(join(TEMPLATES, `${name}.app.json`), 'utf8')) as AppBundle;

export const VIP_CUSTOMER = {
  name: '深圳南山精密制造有限公司',
  phone: '13800138000',
  tier: 'vip',
  region: { province: '广东省', city: '深圳市' },
  products: [
    { productLine: 'phone', model: 'X200 Pro', serialNo: 'X200P2026A0001', purchaseDate: '2026-03-15' },
    { productLine: 'laptop', model: 'L14 Air', serialNo: 'L14A0099887766' },
  ],
};

export const STANDARD_CUSTOMER = {
  name: '李娜',
  phone: '0755-86001234',
  tier: 'standard',
  region: { province: '北京市', city: '北京市' },
};

/** A ticket about `customer` with nothing of the customer's typed in (no tier, contact or region). */
export const ticketFor = (customer: string, extra: Record<string, unknown> = {}) => ({
  customer,
  priority: 'normal',
  channel: 'phone',
  productLine: 'phone',
  model: 'X200 Pro',
  serialNo: 'X200P2026A0001',
  category: 'screen',
  description: '屏幕闪烁 / The screen flickers',
  ...extra,
});

export const complaintFor = (customer: string) => ({
  customer,
  contactName: '王经理',
  contactPhone: '13800138000',
  complaintType: 'repair-quality',
  severity: 'major',
  productLine: 'phone',
  model: 'X200 Pro',
  description: '修了两次还是闪屏 / Still flickers after two repairs',
});
