/**
 * @module The data of a dashboard for the current filter values and language, fetched again when
 * they change or on `reload()` (by hand or by the auto-refresh). The last good data stays on screen
 * while a new fetch runs, and an answer that arrives after a newer request was sent is dropped.
 * Before the first answer the page cannot tell filter parameters from others in its address (a
 * `?utm_source=…` from a chat link), and the server refuses unknown filter keys: such keys are
 * dropped and the request sent once more.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { DashboardData, SharedFilterValues } from './dashboards-api';

/** `values` without the keys a 422 names as unknown filters; null when the error is about anything else. */
export function withoutUnknownFilters(error: unknown, values: SharedFilterValues): SharedFilterValues | null {
  if (!(error instanceof ApiError) || error.status !== 422 || error.issues.length === 0) return null;
  const unknown = new Set<string>();
  for (const issue of error.issues) {
    const key = /^\/filters\/([^/]+)$/.exec(issue.path)?.[1];
    if (issue.code !== 'unknown-filter' || key === undefined || !(key in values)) return null;
    unknown.add(key);
  }
  return Object.fromEntries(Object.entries(values).filter(([key]) => !unknown.has(key)));
}

export interface DashboardDataState {
  data: DashboardData | null;
  error: Error | null;
  loading: boolean;
  /** When the data on screen was fetched (epoch ms of this browser). */
  fetchedAt: number | null;
  reload(): void;
}

export function useDashboardData(
  load: (values: SharedFilterValues, locale: string) => Promise<DashboardData>,
  values: SharedFilterValues,
  locale: string,
): DashboardDataState {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // The values as text: a new object with the same filters must not fetch again.
  const valuesKey = JSON.stringify(values);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    const values = JSON.parse(valuesKey) as SharedFilterValues;
    loadRef
      .current(values, locale)
      .catch((caught: unknown) => {
        const known = withoutUnknownFilters(caught, values);
        if (known === null) throw caught;
        return loadRef.current(known, locale);
      })
      .then((next) => {
        if (request !== latest.current) return;
        setData(next);
        setError(null);
        setFetchedAt(Date.now());
      })
      .catch((caught: Error) => {
        if (request === latest.current) setError(caught);
      })
      .finally(() => {
        if (request === latest.current) setLoading(false);
      });
  }, [valuesKey, locale, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, fetchedAt, reload };
}
