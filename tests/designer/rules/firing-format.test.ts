import { describe, expect, it } from 'vitest';
import { actionText, groupText, isoDate } from '../../../designer/rules/firing-format';
import { fieldName } from '../../../designer/rules/field-name';

describe('firing format', () => {
  it('names the group', () => {
    expect(groupText({ model: 'X200', tier: 'vip' }, 'all')).toBe('model = X200, tier = vip');
    expect(groupText({ year: 2026 }, 'all')).toBe('year = 2026');
    expect(groupText({}, 'all')).toBe('all');
  });
  it('says what each action would do', () => {
    expect(actionText({ type: 'create-record', form: 'rd-task', data: { model: 'X200', count: 3 } })).toBe(
      'create-record rd-task: {"model":"X200","count":3}',
    );
    expect(actionText({ type: 'notify', to: [{ role: 'rd-lead' }], text: { en: 'Hi' } })).toBe(
      'notify [{"role":"rd-lead"}] “Hi”',
    );
    expect(actionText({ type: 'webhook', url: 'https://x', payload: {} })).toBe('webhook https://x');
  });
  it('names the record a set-fields on another record would write to, or why it would not', () => {
    const hops = [
      { field: 'ticket', form: 'after-sales-ticket' },
      { field: 'customer', form: 'after-sales-customer' },
    ];
    expect(
      actionText({
        type: 'set-fields',
        target: { kind: 'linked', id: 'T-1', hops, writesTo: 'C-9' },
        values: { lastCsat: 5 },
      }),
    ).toBe('set-fields after-sales-customer C-9: {"lastCsat":5}');
    expect(
      actionText({
        type: 'set-fields',
        target: {
          kind: 'linked',
          id: 'T-404',
          hops: hops.slice(0, 1),
          refused: 'record "T-404" (field "ticket") not found',
        },
        values: { surveyCsat: 5 },
      }),
    ).toBe(
      'set-fields ticket → after-sales-ticket (record "T-404" (field "ticket") not found): {"surveyCsat":5}',
    );
    expect(actionText({ type: 'set-fields', target: { kind: 'record', id: 'r1' }, values: { a: 1 } })).toBe(
      'set-fields {"a":1}',
    );
  });
  it('writes local dates and field names', () => {
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(
      fieldName(
        { key: 'model', type: 'text', numeric: false, label: { en: 'Model', 'zh-CN': '型号' } },
        'zh-CN',
      ),
    ).toBe('型号 (model)');
    expect(fieldName({ key: 'model', type: 'text', numeric: false }, 'en')).toBe('model');
  });
});
