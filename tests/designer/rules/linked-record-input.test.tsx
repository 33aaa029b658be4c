// @vitest-environment jsdom
/**
 * "Which record" of a set-fields action: the admin switches from this record to the record whose id a
 * survey field holds (the ticket), picks its form, goes one step further to the ticket's customer, and
 * back; each choice is what the rule stores (`record: { via, through, form }`), the fields offered
 * to set are the target form's, and values mapped for another form are cleared. Both languages.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleAction } from '../../../engine/rules/rule-definition.schema';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { ActionEditor } from '../../../designer/rules/action-editor';
import type { LabelledField } from '../../../designer/rules/rule-fields';
import type { RuleChange } from '../../../designer/rules/rule-draft';
import type { RuleDefinitions } from '../../../designer/rules/use-rule-definitions';

const SURVEY: LabelledField[] = [
  { key: 'ticket', type: 'text', numeric: false, label: { en: 'Ticket number', 'zh-CN': '工单编号' } },
  { key: 'csat', type: 'rating', numeric: true, label: { en: 'CSAT', 'zh-CN': '满意度' } },
  { key: 'photos', type: 'attachment', numeric: false, multiple: true },
];
const TICKET: LabelledField[] = [
  { key: 'customer', type: 'customer', numeric: false, label: { en: 'Customer', 'zh-CN': '客户' } },
  { key: 'surveyCsat', type: 'rating', numeric: true, label: { en: 'Survey CSAT', 'zh-CN': '调查满意度' } },
];
const CUSTOMER: LabelledField[] = [
  { key: 'name', type: 'text', numeric: false, label: { en: 'Name' } },
  { key: 'lastCsat', type: 'rating', numeric: true, label: { en: 'Last CSAT', 'zh-CN': '最近满意度' } },
];

const definitions: RuleDefinitions = {
  forms: [
    {
      key: 'after-sales-ticket',
      title: { en: 'Ticket', 'zh-CN': '工单' },
      latestVersion: 1,
      hasDraft: false,
    },
    {
      key: 'after-sales-customer',
      title: { en: 'Customer', 'zh-CN': '客户' },
      latestVersion: 1,
      hasDraft: false,
    },
    {
      key: 'after-sales-survey',
      title: { en: 'Survey', 'zh-CN': '调查' },
      latestVersion: 1,
      hasDraft: false,
    },
  ],
  flows: [],
  fields: new Map([
    ['after-sales-ticket', TICKET],
    ['after-sales-customer', CUSTOMER],
    ['after-sales-survey', SURVEY],
  ]),
  infos: new Map(),
  stages: new Map(),
};

let latest: RuleAction;
function Harness({ locale = 'en' as 'en' | 'zh-CN' }) {
  const [action, setAction] = useState<RuleAction>({
    type: 'set-fields',
    values: { csat: { var: 'record.csat' } },
  });
  latest = action;
  const dispatch = (change: RuleChange) => {
    if (change.type === 'action') setAction(change.action);
  };
  return (
    <LocaleProvider locale={locale}>
      <ActionEditor
        index={0}
        count={1}
        action={action}
        recordFields={SURVEY}
        aggregates={[]}
        groupFields={[]}
        definitions={definitions}
        issues={[]}
        dispatch={dispatch}
      />
    </LocaleProvider>
  );
}

const combo = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);
const choose = (name: string, value: string) => fireEvent.change(combo(name), { target: { value } });

afterEach(cleanup);

describe('set-fields: which record', () => {
  it('stores the record in a field, one hop further, and back to this record', () => {
    render(<Harness />);
    expect(optionTexts(combo('Add field'))).toContain('Ticket number (ticket)');

    choose('Which record', 'linked');
    // The first single-value field of the survey and the first form; the survey's own mapping goes.
    expect(latest).toEqual({
      type: 'set-fields',
      record: { via: ['ticket'], form: 'after-sales-ticket' },
      values: {},
    });
    // Only fields that can hold one id are offered (not the rating, not the photo list).
    expect(optionTexts(combo('Field holding its id'))).toEqual(['Ticket number (ticket)']);
    expect(optionTexts(combo('Add field'))).toContain('Survey CSAT (surveyCsat)');
    choose('Add field', 'surveyCsat');
    expect(Object.keys((latest as { values: object }).values)).toEqual(['surveyCsat']);

    choose('Then', 'customer');
    choose('Form of that record', 'after-sales-customer');
    expect(latest).toEqual({
      type: 'set-fields',
      record: { via: ['ticket', 'customer'], through: 'after-sales-ticket', form: 'after-sales-customer' },
      values: {},
    });
    expect(optionTexts(combo('Add field'))).toContain('Last CSAT (lastCsat)');
    expect(optionTexts(combo('Add field'))).not.toContain('Survey CSAT (surveyCsat)');
    choose('Add field', 'lastCsat');

    choose('Then', '');
    expect(latest).toMatchObject({ record: { via: ['ticket'], form: 'after-sales-ticket' }, values: {} });
    expect('through' in ((latest as { record: object }).record ?? {})).toBe(false);

    choose('Which record', 'this');
    expect(latest).toEqual({ type: 'set-fields', values: {} });
    expect(screen.queryByRole('combobox', { name: 'Field holding its id' })).toBeNull();
  });

  it('changing the first form drops the hop that belonged to the old one', () => {
    render(<Harness />);
    choose('Which record', 'linked');
    choose('Then', 'customer');
    choose('Its form', 'after-sales-survey');
    expect((latest as { record: unknown }).record).toEqual({ via: ['ticket'], form: 'after-sales-survey' });
  });

  it('speaks Chinese', () => {
    render(<Harness locale="zh-CN" />);
    choose('写入哪条记录', 'linked');
    expect(optionTexts(combo('写入哪条记录'))).toEqual(['本记录（触发的记录）', '字段中 ID 所指的记录']);
    expect(optionTexts(combo('然后'))).toEqual(['写入该记录', '再到其字段 客户 (customer) 所指的记录']);
    expect(combo('存放其 ID 的字段').value).toBe('ticket');
    expect(screen.getByText('取值仍来自触发的记录（record.…）。')).toBeTruthy();
  });
});
