import { describe, expect, it } from 'vitest';
import {
  fixedFromText,
  logicOf,
  mappingOf,
  mappingsOf,
  switchKind,
  type MappingValue,
} from '../../../designer/rules/field-mapping';

describe('field mapping ↔ JSON-Logic', () => {
  const cases: [MappingValue, unknown][] = [
    [{ kind: 'record', field: 'model' }, { var: 'record.model' }],
    [{ kind: 'aggregate', name: 'screenCount' }, { var: 'aggregates.screenCount' }],
    [{ kind: 'group', field: 'model' }, { var: 'group.model' }],
    [{ kind: 'window' }, { var: 'window.key' }],
    [{ kind: 'fixed', value: 'screen' }, 'screen'],
    [{ kind: 'fixed', value: 3 }, 3],
    [{ kind: 'fixed', value: true }, true],
    [
      { kind: 'logic', logic: { cat: [{ var: 'record.model' }, ' ', { var: 'window.key' }] } },
      { cat: [{ var: 'record.model' }, ' ', { var: 'window.key' }] },
    ],
  ];
  it.each(cases)('%j ↔ %j', (value, logic) => {
    expect(logicOf(value)).toEqual(logic);
    expect(mappingOf(logic)).toEqual(value);
  });

  it('keeps unknown variables and nested paths as JSON-Logic', () => {
    expect(mappingOf({ var: 'previous.model' })).toEqual({ kind: 'logic', logic: { var: 'previous.model' } });
    expect(mappingOf({ var: 'record.a.b' }).kind).toBe('logic');
    expect(mappingOf({ var: ['record.model', 'x'] }).kind).toBe('logic');
    expect(mappingOf(null)).toEqual({ kind: 'logic', logic: null });
  });

  it('reads the example rule’s create-record map', () => {
    const map = {
      title: { cat: [{ var: 'record.model' }, ' screen failures ', { var: 'window.key' }] },
      model: { var: 'record.model' },
      month: { var: 'window.key' },
      count: { var: 'aggregates.monthlyScreenFailures' },
    };
    expect(mappingsOf(map).map(([field, v]) => [field, v.kind])).toEqual([
      ['title', 'logic'],
      ['model', 'record'],
      ['month', 'window'],
      ['count', 'aggregate'],
    ]);
  });

  it('switches kinds keeping what carries over', () => {
    expect(switchKind({ kind: 'record', field: 'model' }, 'group', {})).toEqual({
      kind: 'group',
      field: 'model',
    });
    expect(switchKind({ kind: 'window' }, 'aggregate', { aggregate: 'n' })).toEqual({
      kind: 'aggregate',
      name: 'n',
    });
    expect(switchKind({ kind: 'record', field: 'model' }, 'logic', {})).toEqual({
      kind: 'logic',
      logic: { var: 'record.model' },
    });
  });

  it('switches a fixed value to JSON-Logic that reads back as JSON-Logic', () => {
    for (const value of ['', 'x', 2, false]) {
      const switched = switchKind({ kind: 'fixed', value }, 'logic', {});
      expect(switched.kind).toBe('logic');
      expect(mappingOf(logicOf(switched)).kind).toBe('logic');
    }
  });

  it('types fixed values for numeric targets', () => {
    expect(fixedFromText('12', true)).toBe(12);
    expect(fixedFromText('12', false)).toBe('12');
    expect(fixedFromText('', true)).toBe('');
    expect(fixedFromText('x', true)).toBe('x');
  });
});
