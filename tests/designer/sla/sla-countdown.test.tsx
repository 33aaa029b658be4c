// @vitest-environment jsdom
/**
 * The SLA countdown with a fake clock: the time left ticks every second against the server's clock
 * (the offset applied), its level and colour move from on time to warning (the server's warning, or
 * the next warning's instant passing) to breached at the due instant, a paused clock shows paused,
 * and durations read the same in both languages at every scale.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { SlaCountdown } from '../../../designer/sla/sla-countdown';
import { formatDuration, slaLevelAt, type SlaTiming } from '../../../designer/sla/sla-level';
import { serverOffset } from '../../../designer/sla/server-clock';

const NOW = Date.parse('2026-11-24T01:00:00.000Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

function show(sla: SlaTiming | null, locale: 'en' | 'zh-CN' = 'en', offsetMs = 0) {
  render(
    <LocaleProvider locale={locale}>
      <SlaCountdown sla={sla} offsetMs={offsetMs} />
    </LocaleProvider>,
  );
  return () => screen.getByRole('timer');
}

const tick = (seconds: number) => act(() => void vi.advanceTimersByTime(seconds * 1000));

describe('SLA countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('ticks every second and turns warning, then breached, coloured by level', () => {
    const timer = show({
      state: 'running',
      breached: false,
      dueAt: at(125),
      warnAt: at(62),
      level: 'on-time',
    });
    expect(timer().className).toContain('sla-on-time');
    expect(timer().textContent).toBe('On time2m 05s left');
    tick(1);
    expect(timer().textContent).toBe('On time2m 04s left');
    tick(62);
    expect(timer().className).toContain('sla-warning');
    expect(timer().textContent).toBe('Warning1m 02s left');
    tick(62);
    expect(timer().className).toContain('sla-breached');
    expect(timer().dataset.level).toBe('breached');
    expect(timer().textContent).toBe('Breached0m 00s left');
    tick(7);
    expect(timer().textContent).toBe('Breached0m 07s overdue');
  });

  it('counts against the server’s clock, not the browser’s', () => {
    // The browser is 90 s behind the server: 120 s left by the server's clock.
    const timer = show({ state: 'running', breached: false, dueAt: at(120) }, 'en', 90_000);
    expect(timer().textContent).toBe('On time0m 30s left');
    expect(serverOffset(at(91), NOW, NOW + 2000)).toBe(90_000);
  });

  it('shows what the server already judged: a warning reached, a breach recorded, a pause', () => {
    expect(show({ state: 'running', breached: false, dueAt: at(3600), warned: true })().className).toContain(
      'sla-warning',
    );
    cleanup();
    expect(show({ state: 'running', breached: true, dueAt: at(3600) })().className).toContain('sla-breached');
    cleanup();
    const paused = show({ state: 'paused', breached: false, dueAt: null }, 'zh-CN')();
    expect(paused.className).toContain('sla-paused');
    expect(paused.textContent).toBe('已暂停计时暂停');
  });

  it('reads in Chinese too', () => {
    const timer = show({ state: 'running', breached: false, dueAt: at(3 * 3600 + 5 * 60 + 9) }, 'zh-CN');
    expect(timer().textContent).toBe('正常剩余 3小时05分09秒');
    cleanup();
    expect(show({ state: 'running', breached: true, dueAt: at(-65) }, 'zh-CN')().textContent).toBe(
      '已超时超时 1分05秒',
    );
  });

  it('says so when no clock runs', () => {
    render(
      <LocaleProvider locale="en">
        <SlaCountdown sla={null} />
      </LocaleProvider>,
    );
    expect(screen.getByText('No SLA')).toBeTruthy();
  });
});

describe('SLA level and durations', () => {
  it('judges the level at an instant', () => {
    const clock = { state: 'running', breached: false, dueAt: at(100), warnAt: at(50) };
    expect(slaLevelAt(clock, NOW)).toBe('on-time');
    expect(slaLevelAt(clock, NOW + 50_000)).toBe('warning');
    expect(slaLevelAt(clock, NOW + 100_000)).toBe('breached');
    expect(slaLevelAt({ ...clock, state: 'paused' }, NOW + 100_000)).toBe('paused');
  });

  it('formats every scale in both languages', () => {
    expect(formatDuration(45_000, 'en')).toBe('0m 45s');
    expect(formatDuration(-(4 * 60 + 7) * 1000, 'en')).toBe('4m 07s');
    expect(formatDuration((3600 + 5 * 60 + 3) * 1000, 'en')).toBe('1h 05m 03s');
    expect(formatDuration((2 * 86_400 + 3 * 3600 + 15 * 60 + 59) * 1000, 'en')).toBe('2d 03h 15m');
    expect(formatDuration((2 * 86_400 + 3 * 3600 + 15 * 60) * 1000, 'zh-CN')).toBe('2天03小时15分');
    expect(formatDuration((3600 + 5 * 60 + 3) * 1000, 'zh-CN')).toBe('1小时05分03秒');
  });
});
