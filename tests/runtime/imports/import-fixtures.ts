/**
 * @module Shared set-up of the import suites: the SLA-ticket form (tests/fixtures/runtime/sla-ticket.json)
 * extended with one field of each convertible type, published with its flow; and helpers to send a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { rowCount } from '../../helpers/row-count';
import type { Harness } from '../../helpers/runtime-harness';

const root = join(import.meta.dirname, '../../..');
export const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/imports', name));

const sla = JSON.parse(readFileSync(join(root, 'tests/fixtures/runtime/sla-ticket.json'), 'utf8')) as {
  form: { fields: unknown[] } & Record<string, unknown>;
  flow: Record<string, unknown>;
};

export const importForm: Record<string, unknown> = {
  ...sla.form,
  fields: [
    ...sla.form.fields,
    { key: 'purchased', type: 'date', label: { 'zh-CN': '购买日期', en: 'Purchase date' } },
    { key: 'warranty', type: 'checkbox', label: { 'zh-CN': '在保', en: 'In warranty' } },
    { key: 'qty', type: 'integer', label: { 'zh-CN': '数量', en: 'Quantity' } },
    { key: 'fee', type: 'money', label: { 'zh-CN': '费用', en: 'Fee' } },
    {
      key: 'channel',
      type: 'radio',
      label: { 'zh-CN': '渠道', en: 'Channel' },
      options: [
        { value: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
        { value: 'web', label: { 'zh-CN': '网页', en: 'Web' } },
      ],
    },
    { key: 'occurredAt', type: 'datetime', label: { 'zh-CN': '发生时间', en: 'Occurred at' } },
    { key: 'detail', type: 'textarea', label: { 'zh-CN': '描述', en: 'Description' } },
  ],
};

export async function publishImportForm(runtime: RuntimeContext): Promise<void> {
  const store = new DefinitionStore(runtime);
  for (const [kind, body] of [
    ['form', importForm],
    ['flow', sla.flow],
  ] as const) {
    await store.saveDraft(kind, body.key as string, body, 'admin');
    await store.publish(kind, body.key as string, 'admin');
  }
}

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendFile(
  h: Harness,
  file: Buffer | string,
  options: { type?: string; query?: string; headers?: Record<string, string>; form?: string } = {},
) {
  return h.request({
    method: 'POST',
    url: `/api/forms/${options.form ?? 'sla-ticket'}/import${options.query ?? ''}`,
    payload: file,
    headers: { 'content-type': options.type ?? CSV, ...options.headers },
  });
}

export const count = (h: Harness, table: string, where: Record<string, unknown> = {}): Promise<number> =>
  rowCount(h.db.knex, table, where);
