/**
 * A dashboard address may carry parameters that are not filters (`?utm_source=…`); before the first
 * answer the page sends them as filter values, the server refuses unknown filter keys, and the page
 * drops exactly those keys and asks again — but only for that refusal, never for a wrong value.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../designer/api/api-error';
import { withoutUnknownFilters } from '../../../designer/dashboards/use-dashboard-data';

const unknown = (key: string) => ({ code: 'unknown-filter', path: `/filters/${key}`, message: `no ${key}` });

describe('unknown filter keys from the page address', () => {
  it('drops the keys the server names as unknown filters and keeps the real ones', () => {
    const error = new ApiError(422, 'invalid', 'bad filters', [unknown('utm_source'), unknown('tab')]);
    expect(withoutUnknownFilters(error, { utm_source: ['chat'], tab: ['2'], model: ['X100'] })).toEqual({
      model: ['X100'],
    });
  });

  it('does not retry when a known filter has a bad value or the error is not a 422', () => {
    const values = { period: { from: '2026-13-01' }, utm_source: ['chat'] };
    const mixed = new ApiError(422, 'invalid', 'bad filters', [
      unknown('utm_source'),
      { code: 'invalid-date', path: '/filters/period/from', message: 'not a date' },
    ]);
    expect(withoutUnknownFilters(mixed, values)).toBeNull();
    expect(
      withoutUnknownFilters(new ApiError(404, 'not-found', 'gone', [unknown('utm_source')]), values),
    ).toBeNull();
    expect(withoutUnknownFilters(new Error('network'), values)).toBeNull();
    // A key the page did not send is not this page's stray parameter.
    expect(withoutUnknownFilters(new ApiError(422, 'invalid', 'x', [unknown('other')]), values)).toBeNull();
  });
});
