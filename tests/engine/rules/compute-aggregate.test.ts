/**
 * The in-memory aggregate, the reference for the runtime's SQL (which can run the same fixture):
 * which records count, and what count / sum / avg make of them.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateRequests,
  computeAggregate,
  groupsIn,
  type AggregateRequest,
  type AggregateResult,
  type RuleRecord,
} from '../../../engine/rules';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';
import { loadRule } from './rule-fixtures';

interface AggregateCase extends FixtureCase {
  name: string;
  request: AggregateRequest;
  records: RuleRecord[];
  expectAggregate: AggregateResult;
}

const cases = loadFixtures<AggregateCase>('rules').filter((c) => c.expectAggregate !== undefined);

describe('computeAggregate', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(computeAggregate(c.request, c.records)).toEqual(c.expectAggregate);
  });
});

describe('aggregateRequests', () => {
  const rule = loadRule({ rule: 'screen-failure.rule.json' });
  const record: RuleRecord = {
    id: 'c1',
    form: 'complaint',
    createdAt: '2026-11-02T01:00:00Z',
    data: { model: 'X200', fault: 'screen', occurredAt: '2026-10-31' },
  };

  it('gives the runtime the group, the window of the record date and the filter', () => {
    expect(aggregateRequests(rule, record, '2026-11-02T01:00:00Z')).toEqual([
      {
        name: 'monthlyCount',
        form: 'complaint',
        measure: { op: 'count' },
        filter: { '==': [{ var: 'fault' }, 'screen'] },
        groupFields: ['model', 'fault'],
        groupBy: { model: 'X200', fault: 'screen' },
        dateField: 'occurredAt',
        timezone: 'Asia/Shanghai',
        window: { key: '2026-10', start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' },
        from: '2026-09-30T16:00:00.000Z',
        to: '2026-10-31T16:00:00.000Z',
      },
    ]);
  });

  it('uses the creation time when the date field is empty', () => {
    const [request] = aggregateRequests(rule, { ...record, data: { model: 'X200', fault: 'screen' } }, 0);
    expect(request?.window.key).toBe('2026-11');
  });

  it('with an offset gives the runtime the bounds of the window before: a tick on 1 November reads October', () => {
    const lookBack = loadRule({
      rule: 'screen-failure.rule.json',
      set: { '/aggregates/monthlyCount/window/offset': -1 },
    });
    const [tick] = aggregateRequests(lookBack, undefined, '2026-11-01T01:00:00Z');
    expect(tick && { key: tick.window.key, from: tick.from, to: tick.to }).toEqual({
      key: '2026-10',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-31T16:00:00.000Z',
    });
    // A triggering record looks back from its own date: dated 31 October, it reads September.
    const [event] = aggregateRequests(lookBack, record, '2026-11-02T01:00:00Z');
    expect(event?.window.key).toBe('2026-09');
  });

  it('without a record (a schedule tick) takes the window of now and leaves the groups to enumerate', () => {
    const [request] = aggregateRequests(rule, undefined, '2026-10-31T17:00:00Z');
    expect(request?.window.key).toBe('2026-11');
    expect(request?.groupBy).toEqual({});
    expect(request?.groupFields).toEqual(['model', 'fault']);
    const records: RuleRecord[] = [
      {
        id: 'a',
        form: 'complaint',
        createdAt: '2026-11-01T00:00:00Z',
        data: { model: 'X200', fault: 'screen' },
      },
      {
        id: 'b',
        form: 'complaint',
        createdAt: '2026-11-02T00:00:00Z',
        data: { model: 'X300', fault: 'screen' },
      },
      {
        id: 'c',
        form: 'complaint',
        createdAt: '2026-11-03T00:00:00Z',
        data: { model: 'X200', fault: 'screen' },
      },
      {
        id: 'd',
        form: 'complaint',
        createdAt: '2026-11-03T00:00:00Z',
        data: { model: 'X200', fault: 'battery' },
      },
    ];
    expect(request && groupsIn(request, records)).toEqual([
      { model: 'X200', fault: 'screen' },
      { model: 'X300', fault: 'screen' },
    ]);
  });
});
