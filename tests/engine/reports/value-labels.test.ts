/**
 * Choice-field dimensions read as their option labels in the reader's language (charts, CSV), while
 * the rows keep the raw option values; values without a label stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { chartOption } from '../../../engine/charts/chart-option';
import type { FormDefinition } from '../../../engine/forms/form-definition.schema';
import type { ReportDefinition } from '../../../engine/reports/report-definition.schema';
import { dimensionValueLabels, valueLabel } from '../../../engine/reports/value-labels';

const TICKET = {
  key: 'ticket',
  title: { en: 'Ticket' },
  fields: [
    {
      key: 'category',
      type: 'select',
      options: [
        { value: 'screen', label: { 'zh-CN': '屏幕', en: 'Screen' } },
        { value: 'battery', label: { 'zh-CN': '电池' } },
        { value: 'noise' },
      ],
    },
    {
      key: 'where',
      type: 'section',
      fields: [
        {
          key: 'channel',
          type: 'radio',
          options: [{ value: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } }],
        },
      ],
    },
    { key: 'subject', type: 'text' },
    {
      key: 'parts',
      type: 'group',
      fields: [{ key: 'part', type: 'select', options: [{ value: 'lcd', label: { en: 'LCD panel' } }] }],
    },
  ],
} as unknown as FormDefinition;

const SURVEY = {
  key: 'survey',
  fields: [
    { key: 'mood', type: 'radio', options: [{ value: 'ok', label: { en: 'Fine', 'zh-CN': '还好' } }] },
  ],
} as unknown as FormDefinition;

const forms = (key: string) => ({ ticket: TICKET, survey: SURVEY })[key];

const spec = (dimensions: ReportDefinition['dimensions'], join = false): ReportDefinition =>
  ({
    key: 'r',
    source: {
      form: 'ticket',
      ...(join ? { join: { form: 'survey', on: { source: 'id', joined: 'ticketId' } } } : {}),
    },
    dimensions,
    measures: [{ op: 'count', as: 'n' }],
  }) as ReportDefinition;

describe('dimensionValueLabels', () => {
  it('maps a choice field’s option values to labels in the locale, else the other language, else the value', () => {
    const s = spec([{ field: 'category' }]);
    expect(dimensionValueLabels(s, forms, 'en')).toEqual({
      category: { screen: 'Screen', battery: '电池', noise: 'noise' },
    });
    expect(dimensionValueLabels(s, forms, 'zh-CN')).toEqual({
      category: { screen: '屏幕', battery: '电池', noise: 'noise' },
    });
  });

  it('labels fields inside sections, under the dimension’s `as`, and of the joined form', () => {
    const s = spec([{ field: 'data.channel', as: 'via' }, { field: 'survey.mood' }], true);
    expect(dimensionValueLabels(s, forms, 'zh-CN')).toEqual({
      via: { phone: '电话' },
      'survey.mood': { ok: '还好' },
    });
  });

  it('leaves text fields, system columns, time buckets, group fields and unknown forms raw', () => {
    const s = spec([
      { field: 'subject' },
      { field: 'team' },
      { field: 'createdAt', grain: 'month' },
      { field: 'parts.part' },
    ]);
    expect(dimensionValueLabels(s, forms, 'en')).toEqual({});
    expect(dimensionValueLabels(spec([{ field: 'category' }]), () => undefined, 'en')).toEqual({});
  });

  it('shows an unknown value, a non-string value and an unlabelled column as they are', () => {
    const labels = dimensionValueLabels(spec([{ field: 'category' }]), forms, 'en');
    expect(valueLabel(labels, 'category', 'screen')).toBe('Screen');
    expect(valueLabel(labels, 'category', 'gone-option')).toBe('gone-option');
    expect(valueLabel(labels, 'category', 'toString')).toBe('toString');
    expect(valueLabel(labels, 'category', null)).toBeNull();
    expect(valueLabel(labels, 'n', 3)).toBe(3);
    expect(valueLabel(labels, 'team', 'screen')).toBe('screen');
    expect(valueLabel(undefined, 'category', 'screen')).toBe('screen');
  });

  it('puts the labels on chart categories and series names, leaving the rows raw', () => {
    const rows = [
      { category: 'screen', team: 'north', n: 3 },
      { category: 'battery', team: 'north', n: 2 },
      { category: 'screen', team: 'south', n: 1 },
    ];
    const labels = dimensionValueLabels(spec([{ field: 'category' }, { field: 'team' }]), forms, 'zh-CN');
    const bar = chartOption(
      { type: 'bar', x: 'category', y: 'n', series: 'team' },
      rows,
      'zh-CN',
      [],
      labels,
    );
    expect((bar.xAxis as { data: string[] }).data).toEqual(['屏幕', '电池']);
    const byCategory = chartOption({ type: 'bar', x: 'team', y: 'n', series: 'category' }, rows, 'en', [], {
      category: { screen: 'Screen' },
    });
    expect((byCategory.series as { name: string }[]).map((s) => s.name)).toEqual(['Screen', 'battery']);
    const pie = chartOption({ type: 'pie', x: 'category', y: 'n' }, rows.slice(0, 2), 'en', [], {
      category: { screen: 'Screen', battery: 'Battery' },
    });
    expect(JSON.stringify(pie)).toContain('"name":"Battery"');
    expect(rows[0]!.category).toBe('screen');
  });
});
