/**
 * @module Re-fetches a dashboard every `refreshSeconds` while the page is visible: the interval skips
 * its turns while `document.hidden` (a background tab costs the server nothing), and coming back
 * after a missed turn refreshes at once. Plain `setInterval` / `Date.now`, so tests drive it with a
 * fake clock. The viewer may switch it off; a dashboard without `refreshSeconds` never refreshes itself.
 */
import { useEffect, useRef, useState } from 'react';

export interface AutoRefresh {
  /** Whether the dashboard refreshes itself (always false without `refreshSeconds`). */
  enabled: boolean;
  setEnabled(on: boolean): void;
}

/**
 * `refresh` is called every `seconds` while enabled and visible; `lastRefreshAt` (epoch ms) says when
 * the data was last fetched, by this hook or by hand, so a tab shown again knows whether it is stale.
 */
export function useAutoRefresh(
  seconds: number | null,
  refresh: () => void,
  lastRefreshAt: number | null,
): AutoRefresh {
  const [wanted, setEnabled] = useState(true);
  const enabled = wanted && seconds !== null && seconds > 0;
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const lastRef = useRef(lastRefreshAt);
  lastRef.current = lastRefreshAt;

  useEffect(() => {
    if (!enabled || seconds === null) return;
    const period = seconds * 1000;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      timer = setInterval(() => {
        if (!document.hidden) refreshRef.current();
      }, period);
    };
    const onVisibility = () => {
      clearInterval(timer);
      if (document.hidden) return;
      if (lastRef.current === null || Date.now() - lastRef.current >= period) refreshRef.current();
      start();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [enabled, seconds]);

  return { enabled, setEnabled };
}
