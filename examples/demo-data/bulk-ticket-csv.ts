/**
 * @module A CSV of past after-sales tickets, as a team moving to Closedloop exports last year's tickets
 * from its old system to import them into the `after-sales-ticket` form: one row per ticket, the header
 * the form's zh-CN field labels and the choices written as their zh-CN labels (as the old system shows
 * them; the import maps labels back to option values), drawn from the demo catalogue's shares against
 * customers already stored. Some rows carry what the old system recorded while handling the ticket
 * (complexity, service mode, diagnosis, solution, fix time, satisfaction).
 *
 * A share of rows (`invalidShare`) holds the mistakes people make in such exports — an impossible
 * date, a choice the form does not offer, a required cell left empty — and the result lists them by
 * Excel row number (header = row 1) with the field the import must report, so a caller can check the
 * import's per-row report. Deterministic: the same seed and customers give the same bytes.
 */
import Papa from 'papaparse';
import type { FieldDefinition } from '../../engine';
import { CATEGORY_SHARES, CHANNEL_SHARES, FAULT_TEXTS, PRIORITY_SHARES, type Category } from './demo-catalog';
import type { DemoCustomer } from './demo-customers';
import { demoForm, TICKET_FORM } from './demo-template';
import { createRng, type Rng } from './prng';

/** A customer the store holds: the demo customer and the id of its `after-sales-customer` record. */
export interface CsvCustomer {
  id: string;
  customer: DemoCustomer;
}

export interface BulkTicketCsvOptions {
  rows: number;
  customers: readonly CsvCustomer[];
  seed?: number;
  /** Share of rows with one mistake each (default 0.01), spread evenly through the file. */
  invalidShare?: number;
}

export type CsvMistake = 'bad-date' | 'unknown-option' | 'missing-required';

/** A row the import must refuse: its Excel row number, the field at fault and what is wrong with it. */
export interface InvalidCsvRow {
  row: number;
  field: string;
  mistake: CsvMistake;
}

export interface BulkTicketCsv {
  csv: string;
  /** The header as written (zh-CN labels). */
  header: string[];
  rows: number;
  invalid: InvalidCsvRow[];
}

/** The columns, in the order an export from the old system has them. */
const COLUMNS = [
  'customer',
  'contactName',
  'contactPhone',
  'tier',
  'region',
  'channel',
  'priority',
  'category',
  'productLine',
  'model',
  'serialNo',
  'purchaseDate',
  'description',
  'complexity',
  'serviceMode',
  'diagnosis',
  'solution',
  'fixedAt',
  'satisfaction',
] as const;

type Column = (typeof COLUMNS)[number];

/** What customers add to the catalogue's one-line description, so no two tickets read the same. */
const SYMPTOM_DETAILS = [
  '从昨天开始',
  '更新系统后出现',
  '偶尔出现，重启后好转',
  '每天都会出现几次',
  '摔落后出现',
  '第二次报修',
  '充电时更明显',
];

/** The mistakes, taken in turn: each one a field the import's report must name. */
const MISTAKES: { mistake: CsvMistake; field: Column; cell: (rng: Rng) => string }[] = [
  // 2 月 30 日 does not exist; a typo such exports are full of.
  { mistake: 'bad-date', field: 'purchaseDate', cell: (rng) => `2025-02-${rng.pick(['30', '31'])}` },
  // 传真 (fax) was a channel of the old system; the form offers none such.
  { mistake: 'unknown-option', field: 'channel', cell: () => '传真' },
  { mistake: 'missing-required', field: 'description', cell: () => '' },
];

/** The form's leaf fields by key (sections looked into). */
function ticketFields(): Map<string, FieldDefinition> {
  const byKey = new Map<string, FieldDefinition>();
  const walk = (fields: readonly FieldDefinition[]) => {
    for (const field of fields) {
      if (field.type === 'section') walk(field.fields);
      else byKey.set(field.key, field);
    }
  };
  walk(demoForm(TICKET_FORM).fields);
  return byKey;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function bulkTicketCsv(options: BulkTicketCsvOptions): BulkTicketCsv {
  const { rows, customers } = options;
  if (customers.length === 0) throw new Error('bulkTicketCsv needs stored customers');
  const rng = createRng(options.seed ?? 20251124);
  const fields = ticketFields();
  const label = (key: string) => {
    const text = (fields.get(key) as { label?: Record<string, string> } | undefined)?.label?.['zh-CN'];
    if (!text) throw new Error(`the ticket form has no labelled field "${key}"`);
    return text;
  };
  /** The zh-CN label of option `value` of field `key`, as the old system writes it. */
  const optionLabel = (key: string, value: string) => {
    const options = (fields.get(key) as { options?: { value: string; label?: Record<string, string> }[] })
      .options;
    const option = options?.find((o) => o.value === value);
    if (!option) throw new Error(`the field "${key}" has no option "${value}"`);
    return option.label?.['zh-CN'] ?? value;
  };
  const header = COLUMNS.map(label);
  // VIP and key accounts own more devices, so raise more tickets.
  const byDevices = customers.flatMap((c) => c.customer.products.map(() => c));
  const invalidEvery = Math.round(1 / (options.invalidShare ?? 0.01));
  const invalid: InvalidCsvRow[] = [];
  const yearStart = Date.parse('2025-01-01T00:00:00Z');
  const lines: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const { id, customer } = rng.pick(byDevices);
    const product = rng.pick(customer.products);
    const category: Category = rng.weighted(CATEGORY_SHARES);
    const channel = rng.weighted(CHANNEL_SHARES);
    const classified = channel === 'phone' || channel === 'onsite' ? rng.chance(0.85) : rng.chance(0.5);
    const handled = rng.chance(0.6);
    // Wall time in the import's zone, as the old system prints it.
    const fixed = new Date(yearStart + rng.int(0, 364) * 86_400_000);
    const cells: Record<Column, string> = {
      customer: id,
      contactName: customer.contactName,
      contactPhone: customer.data.phone,
      tier: optionLabel('tier', customer.tier),
      region: `${customer.data.region.province}/${customer.data.region.city}`,
      channel: optionLabel('channel', channel),
      priority: optionLabel('priority', rng.weighted(PRIORITY_SHARES)),
      category: classified ? optionLabel('category', category) : '',
      productLine: optionLabel('productLine', product.productLine),
      model: product.model,
      serialNo: rng.chance(0.8) ? product.serialNo : '',
      purchaseDate: rng.chance(0.6) ? product.purchaseDate.replaceAll('-', '/') : '',
      description: `${FAULT_TEXTS[category].description}（${rng.pick(SYMPTOM_DETAILS)}）`,
      complexity: handled ? optionLabel('complexity', rng.pick(['simple', 'standard', 'complex'])) : '',
      serviceMode: handled
        ? optionLabel('serviceMode', rng.pick(['remote', 'onsite', 'depot', 'replace']))
        : '',
      diagnosis: handled ? FAULT_TEXTS[category].diagnosis : '',
      solution: handled ? FAULT_TEXTS[category].solution : '',
      fixedAt: handled
        ? `${fixed.getUTCFullYear()}-${pad(fixed.getUTCMonth() + 1)}-${pad(fixed.getUTCDate())} ${pad(rng.int(9, 20))}:${pad(rng.int(0, 59))}`
        : '',
      satisfaction:
        handled && rng.chance(0.55)
          ? String(rng.weighted({ '5': 0.55, '4': 0.25, '3': 0.1, '2': 0.05, '1': 0.05 }))
          : '',
    };
    // Spread evenly (the middle of each stretch), so every batch of an import meets some.
    if (i % invalidEvery === Math.floor(invalidEvery / 2)) {
      const { mistake, field, cell } = MISTAKES[invalid.length % MISTAKES.length]!;
      cells[field] = cell(rng);
      invalid.push({ row: i + 2, field, mistake });
    }
    lines.push(COLUMNS.map((column) => cells[column]));
  }
  return { csv: Papa.unparse({ fields: header, data: lines }, { newline: '\r\n' }), header, rows, invalid };
}
