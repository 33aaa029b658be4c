/** @module Business minutes as a process owner reads them: `15 min`, `2 h`, `1.5 h`. */
import type { FlowsMessageKey } from './flows-messages';

type Translate = (key: FlowsMessageKey, params?: Record<string, string | number>) => string;

export function formatMinutes(minutes: number, t: Translate): string {
  if (minutes < 60) return t('sla.minutes', { minutes });
  const hours = Math.round((minutes / 60) * 100) / 100;
  return t('sla.hours', { hours });
}
