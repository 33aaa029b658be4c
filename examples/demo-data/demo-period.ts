/**
 * @module Which months a demo covers when it must end "now": up to six whole months back from today's
 * month, within 2026 — the only year the built-in mainland-China calendar (`cn-2026`) knows, so a demo
 * outside it would put every SLA on a calendar without holidays. Pure: "now" is passed in.
 */
import { toLocalDate } from '../../engine';

export type DemoPeriod = { start: string; months: number; until: number } | { skipped: string };

const TIME_ZONE = 'Asia/Shanghai';

export function demoPeriodEndingAt(now: number, months = 6): DemoPeriod {
  const today = toLocalDate(now, TIME_ZONE);
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (year !== 2026)
    return {
      skipped:
        `the demo data follows the mainland-China 2026 calendar (cn-2026) and today is ${today}; ` +
        'the templates are installed without demo data',
    };
  const firstMonth = Math.max(1, month - months + 1);
  return {
    start: `2026-${String(firstMonth).padStart(2, '0')}-01`,
    months: month - firstMonth + 1,
    until: now,
  };
}
