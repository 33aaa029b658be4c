/** Which events wake a rule, when scheduled rules run, and keys no group value can forge. */
import { describe, expect, it } from 'vitest';
import { firingKey, groupKey, matchesTrigger, nextScheduledAt, scheduleTicks } from '../../../engine/rules';
import { loadRule } from './rule-fixtures';

describe('matchesTrigger', () => {
  const rule = loadRule({ rule: 'screen-failure.rule.json' });
  const at = '2026-10-01T00:00:00Z';

  it('wakes on its event type for its form only', () => {
    expect(matchesTrigger(rule, { type: 'record.created', form: 'complaint', at })).toBe(true);
    expect(matchesTrigger(rule, { type: 'record.created', form: 'repair', at })).toBe(false);
    expect(matchesTrigger(rule, { type: 'record.updated', form: 'complaint', at })).toBe(false);
    expect(matchesTrigger(rule, { type: 'schedule', at })).toBe(false);
  });

  it('matches SLA events of any stage unless the trigger names one', () => {
    const breach = loadRule({
      rule: 'screen-failure.rule.json',
      set: { '/trigger': { type: 'sla.breach', form: 'complaint' } },
    });
    const event = { type: 'sla.breach', form: 'complaint', stage: 'diagnose', at } as const;
    expect(matchesTrigger(breach, event)).toBe(true);
    expect(matchesTrigger(breach, { ...event, type: 'sla.warning' })).toBe(false);
    const staged = loadRule({
      rule: 'screen-failure.rule.json',
      set: { '/trigger': { type: 'sla.breach', form: 'complaint', stage: 'plan' } },
    });
    expect(matchesTrigger(staged, event)).toBe(false);
  });

  it('takes schedule ticks meant for it or for every rule', () => {
    const daily = loadRule({
      rule: 'screen-failure.rule.json',
      set: { '/trigger': { type: 'schedule', form: 'complaint', schedule: { every: 'day', at: '09:00' } } },
    });
    expect(matchesTrigger(daily, { type: 'schedule', at })).toBe(true);
    expect(matchesTrigger(daily, { type: 'schedule', rule: daily.key, at })).toBe(true);
    expect(matchesTrigger(daily, { type: 'schedule', rule: 'other', at })).toBe(false);
  });
});

describe('schedules', () => {
  const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString());
  const range = [Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-10T00:00:00Z')] as const;

  it('run weekly on Mondays and monthly on the 1st, at the local wall time', () => {
    expect(iso(scheduleTicks({ every: 'week', at: '09:00' }, 'Asia/Shanghai', ...range))).toEqual([
      '2026-10-05T01:00:00.000Z',
      '2026-10-12T01:00:00.000Z',
      '2026-10-19T01:00:00.000Z',
      '2026-10-26T01:00:00.000Z',
      '2026-11-02T01:00:00.000Z',
      '2026-11-09T01:00:00.000Z',
    ]);
    expect(iso(scheduleTicks({ every: 'month', at: '09:00' }, 'Asia/Shanghai', ...range))).toEqual([
      '2026-10-01T01:00:00.000Z',
      '2026-11-01T01:00:00.000Z',
    ]);
  });

  it('give the next run after a moment', () => {
    const next = nextScheduledAt(
      { every: 'day', at: '09:00' },
      'Asia/Shanghai',
      Date.parse('2026-10-01T01:00:00Z'),
    );
    expect(new Date(next).toISOString()).toBe('2026-10-02T01:00:00.000Z');
  });
});

describe('idempotency keys', () => {
  it('read rule|group|window', () => {
    expect(firingKey('screen-failure-threshold', { model: 'X200', fault: 'screen' }, '2026-10')).toBe(
      'screen-failure-threshold|model=X200;fault=screen|2026-10',
    );
    expect(groupKey({})).toBe('*');
  });

  it('cannot be forged by separators inside a value, and tell empty from missing', () => {
    expect(groupKey({ model: 'X200;fault=screen' })).not.toBe(groupKey({ model: 'X200', fault: 'screen' }));
    expect(groupKey({ model: 'a|b' })).toBe('model=a%7Cb');
    expect(groupKey({ model: null })).not.toBe(groupKey({ model: '' }));
    expect(groupKey({ model: '~' })).not.toBe(groupKey({ model: null }));
  });
});
