// @vitest-environment jsdom
/**
 * The records behind a chart point: "loading" while the list is read, then each record with its id as
 * a link to its page, the point's data field by its option label, stage, assignee and creation; "N of
 * total" when the server stopped at its limit; a plain message when nothing is behind the point or the
 * list could not be read; Escape and the close button close it. The data columns come from the
 * report's dimensions (source-record fields only, at most two).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanOutput, ReportDefinition } from '../../../engine';
import type { RecordBehindPoint, RecordsBehindPoint } from '../../../designer/dashboards/dashboards-api';
import { drillFields } from '../../../designer/dashboards/drill-fields';
import { DrillPanel } from '../../../designer/dashboards/drill-panel';
import { LocaleProvider, type UiLocale } from '../../../designer/i18n/locale-context';

const SPEC = {
  key: 'complaints',
  title: { en: 'Complaints' },
  source: { form: 'ticket' },
  dimensions: [
    { field: 'category' },
    { field: 'createdAt', grain: 'month', as: 'month' },
    { field: 'assignee' },
    { field: 'survey.rating' },
    { field: 'data.model', label: { en: 'Model', 'zh-CN': '型号' } },
    { field: 'tier' },
  ],
  measures: [{ op: 'count', as: 'n' }],
  chart: { type: 'pareto', x: 'category', y: 'n' },
} as unknown as ReportDefinition;
const OUTPUTS = [
  { name: 'category', label: { en: 'Category', 'zh-CN': '类别' }, format: 'text' },
] as unknown as PlanOutput[];
const LABELS = { category: { screen: 'Screen failure' } };

const record = (id: string, over: Partial<RecordBehindPoint> = {}): RecordBehindPoint => ({
  id,
  form: 'ticket',
  stage: 'diagnose',
  assignee: 'u-1',
  createdAt: '2026-11-20T02:30:00.000Z',
  updatedAt: '2026-11-20T02:30:00.000Z',
  data: { category: 'screen', model: 'X200', detail: `Screen flickers (${id})` },
  ...over,
});

function show(load: () => Promise<RecordsBehindPoint>, locale: UiLocale = 'en') {
  const onClose = vi.fn();
  render(
    <LocaleProvider locale={locale}>
      <MemoryRouter>
        <DrillPanel
          point="Screen failure"
          load={load}
          fields={drillFields(SPEC, OUTPUTS, LABELS, locale)}
          labels={{ stage: (_f, s) => (s === 'diagnose' ? 'Diagnose' : (s ?? '—')), person: () => 'Li Lei' }}
          onClose={onClose}
        />
      </MemoryRouter>
    </LocaleProvider>,
  );
  return onClose;
}

describe('drill panel', () => {
  afterEach(cleanup);

  it('takes its data columns from the report’s source-record dimensions, at most two', () => {
    const fields = drillFields(SPEC, OUTPUTS, LABELS, 'en');
    expect(fields.map((f) => [f.path, f.label])).toEqual([
      ['category', 'Category'],
      ['model', 'Model'],
    ]);
    expect(fields[0]!.show('screen')).toBe('Screen failure');
    expect(fields[0]!.show('noise')).toBe('noise');
    expect(fields[1]!.show(null)).toBe('—');
    expect(drillFields(null, [], undefined, 'en')).toEqual([]);
  });

  it('lists the records behind the point with links to their pages', async () => {
    let resolve!: (value: RecordsBehindPoint) => void;
    const onClose = show(() => new Promise((r) => (resolve = r)));
    const dialog = screen.getByRole('dialog', { name: 'Records behind Screen failure' });
    expect(within(dialog).getByText('Loading the records…')).toBeTruthy();
    // The focus moves into the panel, on its close button.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await act(async () =>
      resolve({ records: [record('r-1'), record('r-2', { assignee: null })], total: 2, limit: 50 }),
    );

    expect(within(dialog).getByRole('status').textContent).toBe('2 records.');
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // The record's id names its link (a short id is shown for long ones), its summary below it.
    const link = within(rows[0]!).getByRole('link', { name: 'r-1' });
    expect(link.getAttribute('href')).toBe('/records/r-1');
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'r-1Screen flickers (r-1)',
      'Screen failure',
      'X200',
      'Diagnose',
      'Li Lei',
      expect.any(String),
    ]);
    expect(within(rows[1]!).getAllByRole('cell')[4]!.textContent).toBe('—');
    expect(
      within(dialog)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Record', 'Category', 'Model', 'Stage', 'Assignee', 'Created']);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('says how many of how many when the list was cut at the limit', async () => {
    const uuid = 'fc34d32f-6b79-4301-9719-cb50b3299b13';
    show(async () => ({ records: [record(uuid), record('r-2')], total: 57, limit: 2 }));
    expect((await screen.findByRole('status')).textContent).toBe('Showing 2 of 57 records.');
    expect(screen.getAllByRole('link')).toHaveLength(2);
    const link = screen.getByRole('link', { name: uuid });
    expect([link.textContent, link.getAttribute('href')]).toEqual(['fc34d32f…', `/records/${uuid}`]);
  });

  it('says so when nothing is behind the point', async () => {
    show(async () => ({ records: [], total: 0, limit: 50 }));
    expect((await screen.findByRole('status')).textContent).toBe('No records are behind this point.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows why the list could not be read', async () => {
    show(async () => {
      throw new Error('The report "complaints" is not published');
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The records could not be loaded: The report "complaints" is not published',
    );
  });

  it('reads in Chinese', async () => {
    show(async () => ({ records: [record('r-1')], total: 3, limit: 1 }), 'zh-CN');
    screen.getByRole('dialog', { name: 'Screen failure 背后的记录' });
    expect((await screen.findByRole('status')).textContent).toBe('显示 3 条中的 1 条。');
    expect(screen.getByRole('columnheader', { name: '类别' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '型号' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
  });
});
