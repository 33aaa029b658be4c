/**
 * @module The date filter's quick picks — this month, the last 30 days, this quarter — as calendar
 * dates `YYYY-MM-DD` (both ends included, as the report engine reads a date-only `to`) counted from
 * the viewer's local "today", which tests inject.
 */
export const QUICK_PICKS = ['thisMonth', 'last30Days', 'thisQuarter'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar date of `date`. */
export const localDate = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Year, month (0-based) and day; day 0 is the last day of the month before (Date's own arithmetic). */
const dateOf = (year: number, month: number, day: number) => localDate(new Date(year, month, day));

export function quickPickRange(pick: QuickPick, today: Date): { from: string; to: string } {
  const [y, m, d] = [today.getFullYear(), today.getMonth(), today.getDate()];
  switch (pick) {
    case 'thisMonth':
      return { from: dateOf(y, m, 1), to: dateOf(y, m + 1, 0) };
    case 'last30Days':
      // Today and the 29 days before it.
      return { from: dateOf(y, m, d - 29), to: dateOf(y, m, d) };
    case 'thisQuarter': {
      const first = m - (m % 3);
      return { from: dateOf(y, first, 1), to: dateOf(y, first + 3, 0) };
    }
  }
}
