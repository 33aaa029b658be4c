import { describe, expect, it } from 'vitest';
import { issuesFor, partOf } from '../../../designer/rules/rule-issues';
import { aggregateConditionFields, ruleConditionFields } from '../../../designer/rules/rule-fields';

describe('rule issue placement', () => {
  it('names the part each pointer concerns', () => {
    expect(partOf('/trigger/stage')).toEqual({ part: 'trigger' });
    expect(partOf('/aggregates/screenCount/groupBy/0')).toEqual({ part: 'aggregate', name: 'screenCount' });
    expect(partOf('/condition/and/1')).toEqual({ part: 'condition' });
    expect(partOf('/actions/2/map/title')).toEqual({ part: 'action', index: 2 });
    expect(partOf('/actions/3/to/1/lookup/match/line')).toEqual({ part: 'action', index: 3 });
    expect(partOf('/timezone')).toEqual({ part: 'settings' });
    expect(partOf('')).toEqual({ part: 'settings' });
    expect(partOf('nonsense')).toEqual({ part: 'settings' });
  });
  it('filters issues by part', () => {
    const issues = [
      { code: 'a', path: '/actions/0/form', message: 'a' },
      { code: 'b', path: '/actions/1/form', message: 'b' },
    ];
    expect(issuesFor(issues, { part: 'action', index: 1 }).map((i) => i.code)).toEqual(['b']);
  });
});

describe('rule condition fields', () => {
  it('offers record fields and aggregates as numeric fields', () => {
    const fields = ruleConditionFields(
      [{ key: 'category', type: 'select', numeric: false, options: ['screen'] }],
      {
        screenCount: {
          form: 'ticket',
          measure: { op: 'count' },
          window: { type: 'calendar', unit: 'month' },
          groupBy: ['model'],
        },
      },
    );
    expect(fields.map((f) => f.key)).toEqual(['record.category', 'aggregates.screenCount']);
    expect(fields[1]).toMatchObject({ numeric: true, label: 'screenCount (count · month / model)' });
    expect(aggregateConditionFields(undefined)).toEqual([]);
  });
});
