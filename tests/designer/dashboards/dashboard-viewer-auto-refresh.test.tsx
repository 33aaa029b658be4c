// @vitest-environment jsdom
/**
 * The viewer's auto-refresh with a fake clock: a refresh every `refreshSeconds` while the page is
 * visible, none while it is hidden, one at once on coming back after a missed turn (not when the last
 * refresh is recent), none when switched off or when the dashboard has no `refreshSeconds`; and the
 * controls: "Updated hh:mm:ss", the Refresh button and the on / off switch.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshControls } from '../../../designer/dashboards/refresh-controls';
import { useAutoRefresh } from '../../../designer/dashboards/use-auto-refresh';
import { LocaleProvider } from '../../../designer/i18n/locale-context';

const START = new Date(2026, 10, 24, 9, 15, 0).getTime();

function Harness({ seconds, onRefresh }: { seconds: number | null; onRefresh(): void }) {
  const [fetchedAt, setFetchedAt] = useState<number | null>(Date.now());
  const refresh = () => {
    onRefresh();
    setFetchedAt(Date.now());
  };
  const auto = useAutoRefresh(seconds, refresh, fetchedAt);
  return (
    <LocaleProvider locale="en">
      <RefreshControls
        seconds={seconds}
        auto={auto}
        loading={false}
        fetchedAt={fetchedAt}
        onRefresh={refresh}
      />
    </LocaleProvider>
  );
}

let hidden = false;
const setHidden = (value: boolean) => {
  hidden = value;
  act(() => void document.dispatchEvent(new Event('visibilitychange')));
};
const advance = (seconds: number) => act(() => void vi.advanceTimersByTime(seconds * 1000));

describe('auto-refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('refreshes every interval while visible, and shows when', () => {
    const onRefresh = vi.fn();
    render(<Harness seconds={30} onRefresh={onRefresh} />);
    expect(screen.getByRole('status').textContent).toBe('Updated 09:15:00');
    advance(29);
    expect(onRefresh).not.toHaveBeenCalled();
    advance(1);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Updated 09:15:30');
    advance(60);
    expect(onRefresh).toHaveBeenCalledTimes(3);
  });

  it('pauses while the page is hidden and catches up when it is shown again', () => {
    const onRefresh = vi.fn();
    render(<Harness seconds={30} onRefresh={onRefresh} />);
    setHidden(true);
    advance(120);
    expect(onRefresh).not.toHaveBeenCalled();
    setHidden(false);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    // Hidden and shown again within the interval: the data is fresh, nothing to do.
    advance(10);
    setHidden(true);
    advance(5);
    setHidden(false);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    advance(30);
    expect(onRefresh).toHaveBeenCalledTimes(2);
  });

  it('stops when switched off, and refreshes by hand', () => {
    const onRefresh = vi.fn();
    render(<Harness seconds={60} onRefresh={onRefresh} />);
    const toggle = screen.getByRole('checkbox', { name: 'Auto-refresh every 60 s' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    advance(600);
    expect(onRefresh).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    fireEvent.click(toggle);
    advance(60);
    expect(onRefresh).toHaveBeenCalledTimes(2);
  });

  it('never refreshes by itself without refreshSeconds, and offers no switch', () => {
    const onRefresh = vi.fn();
    render(<Harness seconds={null} onRefresh={onRefresh} />);
    advance(3600);
    expect(onRefresh).not.toHaveBeenCalled();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });
});
