/** Windows in the rule's zone: month and day boundaries, ISO weeks across the year end, rolling days, DST. */
import { expect, it } from 'vitest';
import { windowOf, type RuleWindow, type WindowInfo } from '../../../engine/rules';
import { loadFixtures, type FixtureCase } from '../../helpers/fixtures';

interface WindowCase extends FixtureCase {
  name: string;
  window: RuleWindow;
  at: string;
  timezone: string;
  expectWindow: WindowInfo;
}

const cases = loadFixtures<WindowCase>('rules').filter((c) => c.expectWindow !== undefined);

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  expect(windowOf(c.window, c.at, c.timezone)).toEqual(c.expectWindow);
});

it('accepts epoch milliseconds and Dates as well as ISO strings', () => {
  const month: RuleWindow = { type: 'calendar', unit: 'month' };
  const at = '2026-10-31T17:00:00Z';
  expect(windowOf(month, Date.parse(at), 'Asia/Shanghai')).toEqual(
    windowOf(month, new Date(at), 'Asia/Shanghai'),
  );
  expect(windowOf(month, at, 'Asia/Shanghai').key).toBe('2026-11');
});
