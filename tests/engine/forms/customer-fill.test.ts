/**
 * @module The customer field's `fill`: checked against the source form through the definition context
 * (unknown source fields, values that do not fit), and applied to a record's data — a read-only target
 * always takes the customer's value, an editable one keeps what the caller gave.
 */
import { describe, expect, it } from 'vitest';
import type { DefinitionContext, FieldInfo } from '../../../engine/definitions/definition-context';
import {
  checkFormDefinition,
  customerFillOf,
  fillFromCustomer,
  type FormDefinition,
} from '../../../engine/forms/index';
import { issueKeys } from './form-cases';

const customers: FieldInfo[] = [
  { key: 'name', type: 'text', numeric: false },
  { key: 'phone', type: 'phone', numeric: false },
  { key: 'tier', type: 'select', numeric: false, options: ['vip', 'key', 'standard'], multiple: false },
  { key: 'visits', type: 'integer', numeric: true },
  { key: 'products', type: 'group', numeric: false, multiple: true },
  { key: 'products.serial', type: 'serial', numeric: false },
];
const context: DefinitionContext = {
  formFields: (key) => (key === 'customers' ? new Map(customers.map((f) => [f.key, f])) : undefined),
  has: (kind, key) => kind === 'form' && key === 'customers',
};

const ticket = (fill: Record<string, string>, extra: object[] = []): FormDefinition =>
  ({
    key: 'ticket',
    fields: [
      { key: 'customer', type: 'customer', source: 'customers', fill },
      { key: 'contactName', type: 'text' },
      { key: 'contactPhone', type: 'phone' },
      {
        key: 'tier',
        type: 'select',
        readOnly: true,
        options: [{ value: 'vip' }, { value: 'key' }, { value: 'standard' }],
      },
      ...extra,
    ],
  }) as FormDefinition;

describe('checking a customer field’s fill against its source form', () => {
  it('accepts the same type, and text-like values into a text field', () => {
    const form = ticket({ tier: 'tier', contactName: 'name', contactPhone: 'phone' });
    expect(checkFormDefinition(form, context, 'en')).toEqual([]);
    expect(checkFormDefinition(ticket({ contactName: 'phone' }), context, 'en')).toEqual([]);
  });

  it('names the fill entry whose source field is unknown or nested', () => {
    const form = ticket({ contactName: 'nickname', tier: 'products.serial' });
    expect(issueKeys(checkFormDefinition(form, context, 'en'))).toEqual([
      'fill-unknown-source-field /fields/0/fill/contactName',
      'fill-unknown-source-field /fields/0/fill/tier',
    ]);
  });

  it('refuses values the target cannot hold, in both languages', () => {
    const narrow = {
      key: 'band',
      type: 'select',
      options: [{ value: 'vip' }, { value: 'standard' }],
    };
    const form = ticket({ contactPhone: 'name', band: 'tier', contactName: 'visits' }, [narrow]);
    const issues = checkFormDefinition(form, context, 'en');
    expect(issueKeys(issues)).toEqual([
      'fill-incompatible /fields/0/fill/band',
      'fill-incompatible /fields/0/fill/contactName',
      'fill-incompatible /fields/0/fill/contactPhone',
    ]);
    expect(issues.find((i) => i.path.endsWith('/contactPhone'))?.message).toBe(
      '"contactPhone" (phone) cannot hold the values of "name" (text)',
    );
    expect(issues.find((i) => i.path.endsWith('/band'))?.params).toMatchObject({ missing: 'key' });
    const zh = checkFormDefinition(form, context, 'zh-CN');
    expect(zh.find((i) => i.path.endsWith('/contactPhone'))?.message).toBe(
      '“contactPhone”（phone）无法存放“name”（text）的值',
    );
  });

  it('without a context checks only this form', () => {
    expect(checkFormDefinition(ticket({ contactName: 'nickname' }), undefined, 'en')).toEqual([]);
  });
});

describe('filling a record from its customer', () => {
  const form = ticket({ tier: 'tier', contactName: 'name', contactPhone: 'phone' });
  const customer = { name: '华东电子', phone: '13800138000', tier: 'vip' };

  it('knows the customer field, its source and what it fills', () => {
    expect(customerFillOf(form)).toEqual({
      field: 'customer',
      source: 'customers',
      pairs: [
        ['tier', 'tier'],
        ['contactName', 'name'],
        ['contactPhone', 'phone'],
      ],
    });
  });

  it('copies the customer’s values into empty targets', () => {
    const data = { customer: 'c1' };
    expect(fillFromCustomer(form, data, customer, data)).toEqual({
      customer: 'c1',
      tier: 'vip',
      contactName: '华东电子',
      contactPhone: '13800138000',
    });
  });

  it('overrides a read-only target but keeps an editable one the caller filled', () => {
    const data = { customer: 'c1', tier: 'standard', contactName: '李工' };
    expect(fillFromCustomer(form, data, customer, data)).toMatchObject({
      tier: 'vip',
      contactName: '李工',
      contactPhone: '13800138000',
    });
  });

  it('replaces editable values the caller did not send (a changed customer on update)', () => {
    const stored = { customer: 'c2', tier: 'standard', contactName: 'Old contact' };
    expect(fillFromCustomer(form, stored, customer, { customer: 'c2' })).toMatchObject({
      tier: 'vip',
      contactName: '华东电子',
    });
  });

  it('leaves a target alone when the customer has no value for it', () => {
    const data = { customer: 'c1', contactPhone: '021-5555' };
    expect(fillFromCustomer(form, data, { name: 'A' }, {})).toEqual({
      customer: 'c1',
      contactName: 'A',
      contactPhone: '021-5555',
    });
  });
});
