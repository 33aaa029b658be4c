// @vitest-environment jsdom
/**
 * The dashboard's shared filter bar: its values live in the page address (read back on load, written
 * on every change, other parameters kept), the date range's quick picks give the right calendar dates
 * for an injected "today" (month, rolling 30 days and quarter ends, across a year's end), select
 * filters are multi-selects of their options, and Clear filters empties them all.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { quickPickRange } from '../../../designer/dashboards/date-range-picks';
import type { DashboardFilterView } from '../../../designer/dashboards/dashboards-api';
import { filterValuesFromQuery, queryWithFilterValues } from '../../../designer/dashboards/filter-query';
import { SharedFilterBar } from '../../../designer/dashboards/shared-filter-bar';
import { LocaleProvider, type UiLocale } from '../../../designer/i18n/locale-context';

const FILTERS: DashboardFilterView[] = [
  { key: 'period', kind: 'dateRange', label: { en: 'Created', 'zh-CN': '创建日期' }, options: [] },
  {
    key: 'category',
    kind: 'select',
    label: { en: 'Category', 'zh-CN': '类别' },
    options: ['screen', 'battery', 'noise'],
  },
];
/** A local "today": 24 November 2026. */
const TODAY = () => new Date(2026, 10, 24, 15, 30);

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function show(url: string, locale: UiLocale = 'en') {
  render(
    <LocaleProvider locale={locale}>
      <MemoryRouter initialEntries={[url]}>
        <SharedFilterBar filters={FILTERS} today={TODAY} />
        <Address />
      </MemoryRouter>
    </LocaleProvider>,
  );
  return () => new URLSearchParams(screen.getByTestId('address').textContent ?? '');
}

const selected = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).selectedOptions].map((o) => o.value);

function choose(select: HTMLElement, values: string[]) {
  for (const option of (select as HTMLSelectElement).options) option.selected = values.includes(option.value);
  fireEvent.change(select);
}

describe('shared filter bar', () => {
  afterEach(cleanup);

  it('shows the values the address holds and writes every change back, keeping other parameters', () => {
    const address = show('/dashboards/kpi?period.from=2026-11-01&period.to=2026-11-15&category=screen&tab=2');
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-11-01');
    expect(screen.getByLabelText('To')).toHaveProperty('value', '2026-11-15');
    const category = screen.getByLabelText('Category');
    expect(selected(category)).toEqual(['screen']);

    choose(category, ['screen', 'battery']);
    expect(address().getAll('category')).toEqual(['screen', 'battery']);
    expect(address().get('tab')).toBe('2');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    expect(address().get('period.to')).toBe('2026-11-20');
    expect(address().get('period.from')).toBe('2026-11-01');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } });
    expect(address().has('period.from')).toBe(false);

    choose(category, []);
    expect(address().has('category')).toBe(false);
    expect(filterValuesFromQuery(address(), FILTERS)).toEqual({ period: { to: '2026-11-20' } });
  });

  it('quick picks set this month, the last 30 days and this quarter from the injected today', () => {
    const address = show('/dashboards/kpi');
    const picks = within(screen.getByRole('group', { name: 'Created' }));
    const range = () => [address().get('period.from'), address().get('period.to')];

    fireEvent.click(picks.getByRole('button', { name: 'This month' }));
    expect(range()).toEqual(['2026-11-01', '2026-11-30']);
    expect(picks.getByRole('button', { name: 'This month' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(picks.getByRole('button', { name: 'Last 30 days' }));
    expect(range()).toEqual(['2026-10-26', '2026-11-24']);
    fireEvent.click(picks.getByRole('button', { name: 'This quarter' }));
    expect(range()).toEqual(['2026-10-01', '2026-12-31']);
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-10-01');
    fireEvent.click(picks.getByRole('button', { name: 'Any date' }));
    expect(range()).toEqual([null, null]);
  });

  it('computes the picks across month, year and leap-day edges', () => {
    expect(quickPickRange('thisMonth', new Date(2028, 1, 10))).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(quickPickRange('last30Days', new Date(2027, 0, 10))).toEqual({
      from: '2026-12-12',
      to: '2027-01-10',
    });
    expect(quickPickRange('thisQuarter', new Date(2027, 2, 31))).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(quickPickRange('thisQuarter', new Date(2026, 6, 1))).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
  });

  it('clears every filter at once, and reads in Chinese', () => {
    const address = show('/d/abc?period.from=2026-11-01&category=noise&lang=x', 'zh-CN');
    expect(screen.getByRole('group', { name: '创建日期' })).toBeTruthy();
    expect(screen.getByLabelText('开始日期')).toHaveProperty('value', '2026-11-01');
    fireEvent.click(screen.getByRole('button', { name: '本月' }));
    expect(address().get('period.to')).toBe('2026-11-30');
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect([...address().keys()]).toEqual(['lang']);
    expect((screen.getByRole('button', { name: '清除筛选' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('round-trips values through the address, reading unknown shapes before the filters are known', () => {
    const values = { period: { from: '2026-10-01', to: '2026-12-31' }, category: ['screen', 'a&b=c'] };
    const query = queryWithFilterValues(new URLSearchParams('x=1'), FILTERS, values);
    expect(filterValuesFromQuery(query, FILTERS)).toEqual(values);
    // Before the first load: `.from` / `.to` make a range, other filter-like keys a selection.
    expect(filterValuesFromQuery(query)).toEqual({ ...values, x: ['1'] });
    // Not a date: ignored rather than sent.
    expect(filterValuesFromQuery(new URLSearchParams('period.from=yesterday'), FILTERS)).toEqual({});
  });
});
