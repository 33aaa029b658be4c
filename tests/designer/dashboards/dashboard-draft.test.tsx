// @vitest-environment jsdom
/**
 * The dashboard designer's pure draft and its filter editor: cards land at the first free spot of the
 * 12-column grid, move and resize inside it and push the cards they land on down (so the engine never
 * sees an overlap); filters from presets get unique keys, per-report fields and options; the draft
 * becomes a definition the engine accepts, reads back the same, and the engine's issues find their
 * card or filter. The filter editor, driven like a user, writes those filters.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDefinition, type DefinitionContext } from '../../../engine';
import {
  dashboardReducer,
  definitionToDraft,
  draftToDefinition,
  emptyDashboard,
  firstFreeSpot,
  parseOptions,
  type DashboardAction,
  type DashboardDraft,
} from '../../../designer/dashboards/dashboard-draft';
import { issueText } from '../../../designer/dashboards/dashboard-edit-issue-text';
import { issuePlace, issuesAt } from '../../../designer/dashboards/dashboard-edit-issues';
import { dashboardEditMessages } from '../../../designer/dashboards/dashboard-edit-messages';
import { fillMessage } from '../../../designer/i18n/fill-message';
import { FilterDefinitionsEditor } from '../../../designer/dashboards/filter-definitions-editor';
import { LocaleProvider } from '../../../designer/i18n/locale-context';

const context: DefinitionContext = {
  has: (kind, key) => kind === 'report' && ['tickets-by-category', 'tickets-by-tier'].includes(key),
  formFields: () => undefined,
};

const run = (draft: DashboardDraft, ...actions: DashboardAction[]) => actions.reduce(dashboardReducer, draft);
const layout = (d: DashboardDraft) => d.cards.map(({ report, x, y, w, h }) => ({ report, x, y, w, h }));
const base = () => emptyDashboard('service', { en: 'Service', 'zh-CN': '服务' });

describe('dashboard draft', () => {
  it('adds cards at the first free spot: side by side, then on the next free row', () => {
    const d = run(
      base(),
      { type: 'addCard', report: 'tickets-by-category' },
      { type: 'addCard', report: 'tickets-by-tier', title: { en: 'Tiers' } },
      { type: 'addCard', report: 'tickets-by-category' },
    );
    expect(layout(d)).toEqual([
      { report: 'tickets-by-category', x: 0, y: 0, w: 6, h: 4 },
      { report: 'tickets-by-tier', x: 6, y: 0, w: 6, h: 4 },
      { report: 'tickets-by-category', x: 0, y: 4, w: 6, h: 4 },
    ]);
    expect(d.cards[1]!.title).toEqual({ en: 'Tiers' });
    expect(firstFreeSpot([{ x: 0, y: 0, w: 4, h: 2 }], 6, 2)).toEqual({ x: 4, y: 0 });
    expect(firstFreeSpot([{ x: 3, y: 0, w: 4, h: 2 }], 6, 2)).toEqual({ x: 0, y: 2 });
  });

  it('moves and resizes within the 12 columns, pushing the cards below out of the way', () => {
    let d = run(
      base(),
      { type: 'addCard', report: 'tickets-by-category' },
      { type: 'addCard', report: 'tickets-by-tier' },
    );
    const [a, b] = d.cards.map((c) => c.id) as [string, string];
    // Off the right edge is clamped; a wider card pushes its neighbour below it.
    d = run(d, { type: 'moveCard', id: b, dx: 5, dy: 0 });
    expect(layout(d)[1]).toMatchObject({ x: 6, y: 0 });
    d = run(d, { type: 'resizeCard', id: a, dw: 2, dh: 1 });
    expect(layout(d)).toEqual([
      { report: 'tickets-by-category', x: 0, y: 0, w: 8, h: 5 },
      { report: 'tickets-by-tier', x: 6, y: 5, w: 6, h: 4 },
    ]);
    // Never wider than the grid from where it starts, never shorter than a row.
    d = run(d, { type: 'resizeCard', id: a, dw: 20, dh: -20 });
    expect(layout(d)[0]).toMatchObject({ w: 12, h: 1 });
    d = run(d, { type: 'moveCard', id: a, dx: -3, dy: -3 });
    expect(layout(d)[0]).toMatchObject({ x: 0, y: 0 });
    // What the grid editor settles on is taken as is (kept inside the grid).
    d = run(d, {
      type: 'setLayout',
      layout: [
        { i: a, x: 0, y: 0, w: 4, h: 3 },
        { i: b, x: 4, y: 0, w: 10, h: 3 },
      ],
    });
    expect(layout(d)).toEqual([
      { report: 'tickets-by-category', x: 0, y: 0, w: 4, h: 3 },
      { report: 'tickets-by-tier', x: 2, y: 0, w: 10, h: 3 },
    ]);
    const def = draftToDefinition(d);
    // The engine sees the overlap that layout made, and names the card.
    const issues = validateDefinition('dashboard', def, { context });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['cards-overlap', '/cards/1']]);
    expect(issuePlace('/cards/1')).toEqual({ part: 'card', index: 1 });
  });

  it('moves a card by its buttons past the cards in the way, or above the one blocking it', () => {
    let d = run(
      base(),
      { type: 'addCard', report: 'a' },
      { type: 'addCard', report: 'b' },
      { type: 'addCard', report: 'c' },
    );
    const [a, b, c] = d.cards.map((x) => x.id) as [string, string, string];
    d = run(d, {
      type: 'setLayout',
      layout: [
        { i: a, x: 0, y: 0, w: 6, h: 2 },
        { i: b, x: 0, y: 3, w: 6, h: 2 },
        { i: c, x: 0, y: 5, w: 6, h: 1 },
      ],
    });
    // "c" up: rows 4 and 3 are b's, row 2 is free.
    d = run(d, { type: 'moveCard', id: c, dx: 0, dy: -1 });
    expect(layout(d)[2]).toEqual({ report: 'c', x: 0, y: 2, w: 6, h: 1 });
    // "c" up again: nothing free above before the top, so it goes above a, which moves down.
    d = run(d, { type: 'moveCard', id: c, dx: 0, dy: -1 });
    expect(layout(d)).toEqual([
      { report: 'a', x: 0, y: 2, w: 6, h: 2 },
      { report: 'b', x: 0, y: 4, w: 6, h: 2 },
      { report: 'c', x: 0, y: 1, w: 6, h: 1 },
    ]);
    // At the edge a move does nothing.
    const left = run(d, { type: 'moveCard', id: a, dx: -1, dy: 0 });
    expect(left).toBe(d);
  });

  it('keeps filters unique, maps fields per report, and writes a definition the engine accepts', () => {
    let d = run(
      base(),
      { type: 'addCard', report: 'tickets-by-category' },
      { type: 'addCard', report: 'tickets-by-tier' },
      { type: 'addFilter', preset: 'dateRange' },
      { type: 'addFilter', preset: 'customerTier' },
      { type: 'addFilter', preset: 'dateRange' },
      { type: 'setRefresh', seconds: 300 },
    );
    expect(d.filters.map((f) => f.key)).toEqual(['dateRange', 'customerTier', 'dateRange2']);
    const [date, tier, date2] = d.filters.map((f) => f.id) as [string, string, string];
    d = run(
      d,
      { type: 'removeFilter', id: date2 },
      { type: 'setFilterField', id: date, report: 'tickets-by-tier', field: 'resolvedAt' },
      { type: 'setFilterField', id: tier, report: 'tickets-by-category', field: 'tier' },
      { type: 'updateFilter', id: tier, patch: { optionsText: 'vip, standard\nvip\n' } },
    );
    const def = draftToDefinition(d);
    expect(def.filters).toEqual([
      {
        key: 'dateRange',
        kind: 'dateRange',
        label: { 'zh-CN': '日期范围', en: 'Date range' },
        field: 'createdAt',
        fields: { 'tickets-by-tier': 'resolvedAt' },
      },
      {
        key: 'customerTier',
        kind: 'select',
        label: { 'zh-CN': '客户等级', en: 'Customer tier' },
        field: 'customerTier',
        fields: { 'tickets-by-category': 'tier' },
        options: ['vip', 'standard'],
      },
    ]);
    expect(def.refreshSeconds).toBe(300);
    expect(validateDefinition('dashboard', def, { context })).toEqual([]);
    expect(draftToDefinition(definitionToDraft(def))).toEqual(def);

    // Removing a card drops the field overrides of its report (the engine would reject them).
    const tierCard = d.cards.find((c) => c.report === 'tickets-by-tier')!.id;
    const without = draftToDefinition(run(d, { type: 'removeCard', id: tierCard }));
    expect(without.filters![0]!.fields).toBeUndefined();
    expect(validateDefinition('dashboard', without, { context })).toEqual([]);
    expect(
      draftToDefinition(run(d, { type: 'setRefresh', seconds: undefined })).refreshSeconds,
    ).toBeUndefined();
  });

  it('places the engine’s issues on the card, the filter or the refresh interval they name', () => {
    const def = draftToDefinition(
      run(
        base(),
        { type: 'addCard', report: 'tickets-by-category' },
        { type: 'addCard', report: 'retired-report' },
        { type: 'addFilter', preset: 'team' },
        { type: 'addFilter', preset: 'team' },
      ),
    );
    def.filters![1]!.key = 'team';
    const issues = validateDefinition('dashboard', def, { context });
    expect(issuesAt(issues, 'card', 1).map((i) => i.code)).toEqual(['unknown-report']);
    expect(issuesAt(issues, 'filter', 1).map((i) => i.code)).toEqual(['duplicate-filter']);
    expect(issuesAt(issues, 'card', 0)).toEqual([]);
    const slow = validateDefinition('dashboard', { ...def, refreshSeconds: 10 }, { context });
    expect(issuesAt(slow, 'refresh')).toHaveLength(1);
    expect(issuePlace('/dashboard/filters/0/key')).toEqual({ part: 'filter', index: 0 });
    expect(issuePlace('/title')).toEqual({ part: 'header' });
    expect(issuePlace('/cards')).toEqual({ part: 'grid' });
    expect(parseOptions('a，b\n a ,,c')).toEqual(['a', 'b', 'c']);
  });

  it('says which field a schema issue is about, in the designer’s words', () => {
    const t = (key: keyof (typeof dashboardEditMessages)['en'], params?: Record<string, string | number>) =>
      fillMessage(dashboardEditMessages.en[key], params);
    const name = (report: string) => (report === 'tickets-by-tier' ? 'Tickets by tier' : report);
    const def = draftToDefinition(
      run(base(), { type: 'addCard', report: 'tickets-by-tier' }, { type: 'addFilter', preset: 'custom' }),
    );
    const texts = (doc: unknown) =>
      validateDefinition('dashboard', doc, { context }).map((i) => issueText(i, t, name));
    const filter = def.filters![0]!;
    expect(texts({ ...def, filters: [{ ...filter, key: '1st' }] })).toEqual([
      'Filter key: start with a letter, then letters, digits or _ (at most 64), e.g. customerTier.',
    ]);
    expect(texts({ ...def, filters: [{ ...filter, fields: { 'tickets-by-tier': 'due date' } }] })).toEqual([
      'Field of Tickets by tier: a field name such as createdAt, tier or survey.rating.',
    ]);
    expect(texts({ ...def, refreshSeconds: 10 })).toEqual([
      'Auto-refresh: enter a whole number of seconds from 30 to 86400.',
    ]);
    expect(texts({ ...def, cards: [] })).toEqual([
      'Add at least one card: a dashboard is stored with its cards.',
    ]);
    expect(texts({ ...def, filters: [{ ...filter, fields: { gone: 'x' } }] })).toEqual([
      'Report "gone" has no card on this dashboard',
    ]);
  });
});

let latest: DashboardDraft;
function Harness() {
  const [draft, dispatch] = useReducer(
    dashboardReducer,
    run(
      base(),
      { type: 'addCard', report: 'tickets-by-category' },
      { type: 'addCard', report: 'tickets-by-tier' },
    ),
  );
  latest = draft;
  return (
    <LocaleProvider locale="en">
      <FilterDefinitionsEditor
        filters={draft.filters}
        reports={[
          { key: 'tickets-by-category', name: 'Tickets by category' },
          { key: 'tickets-by-tier', name: 'Tickets by tier' },
        ]}
        dispatch={dispatch}
        issuesOf={() => []}
      />
    </LocaleProvider>
  );
}

afterEach(cleanup);

describe('filter definitions editor', () => {
  it('adds a date range and a custom choice filter with options and a field per report', () => {
    render(<Harness />);
    expect(screen.getByText('No shared filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    const date = screen.getByRole('group', { name: 'Filter Date range' });
    expect((within(date).getByLabelText('Field') as HTMLInputElement).value).toBe('createdAt');
    expect(within(date).queryByLabelText('Options')).toBeNull();
    fireEvent.change(within(date).getByLabelText('Field of Tickets by tier'), {
      target: { value: 'resolvedAt' },
    });

    fireEvent.change(screen.getByLabelText('Filter to add'), { target: { value: 'custom' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    const custom = screen.getByRole('group', { name: 'Filter filter' });
    fireEvent.change(within(custom).getByLabelText('Filter key'), { target: { value: 'channel' } });
    fireEvent.change(within(custom).getByLabelText('Label (English)'), { target: { value: 'Channel' } });
    fireEvent.change(within(custom).getByLabelText('Label (Chinese)'), { target: { value: '渠道' } });
    fireEvent.change(within(custom).getByLabelText('Field'), { target: { value: 'channel' } });
    fireEvent.change(within(custom).getByLabelText('Options'), { target: { value: 'web\nphone' } });

    expect(draftToDefinition(latest).filters).toEqual([
      {
        key: 'dateRange',
        kind: 'dateRange',
        label: { 'zh-CN': '日期范围', en: 'Date range' },
        field: 'createdAt',
        fields: { 'tickets-by-tier': 'resolvedAt' },
      },
      {
        key: 'channel',
        kind: 'select',
        label: { en: 'Channel', 'zh-CN': '渠道' },
        field: 'channel',
        options: ['web', 'phone'],
      },
    ]);

    // A choice turned into a date range loses its options; removing a filter removes it.
    fireEvent.change(within(screen.getByRole('group', { name: 'Filter Channel' })).getByLabelText('Kind'), {
      target: { value: 'dateRange' },
    });
    expect(draftToDefinition(latest).filters![1]).not.toHaveProperty('options');
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Date range' }));
    expect(draftToDefinition(latest).filters!.map((f) => f.key)).toEqual(['channel']);
  });
});
